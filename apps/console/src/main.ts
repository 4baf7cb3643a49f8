import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { consoleApp } from './console.app';

runHubMain(consoleApp);

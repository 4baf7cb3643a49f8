import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { registryApp } from './registry.app';

runHubMain(registryApp);

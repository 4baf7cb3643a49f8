import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { supervisionApp } from './supervision.app';

runHubMain(supervisionApp);

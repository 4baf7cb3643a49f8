import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { inspectionApp } from './inspection.app';

runHubMain(inspectionApp);

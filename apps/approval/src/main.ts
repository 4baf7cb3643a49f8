import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { approvalApp } from './approval.app';

runHubMain(approvalApp);

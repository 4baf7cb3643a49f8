import 'reflect-metadata';
import { runHubMain } from '@hub/platform';
import { gatewayApp } from './gateway.app';

runHubMain(gatewayApp);

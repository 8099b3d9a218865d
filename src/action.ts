import * as core from '@actions/core';
import { runAction } from './action/main.ts';

runAction().catch((error: unknown) => core.setFailed(error instanceof Error ? error.message : String(error)));

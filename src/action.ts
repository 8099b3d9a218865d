import * as core from '@actions/core';
import { runAction } from './action/main.ts';
import { guardUnfinished, UNFINISHED_MESSAGE } from './runtime/unfinished.ts';

guardUnfinished(runAction(), () => core.setFailed(UNFINISHED_MESSAGE)).catch((error: unknown) =>
  core.setFailed(error instanceof Error ? error.message : String(error)),
);

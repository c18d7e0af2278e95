#!/usr/bin/env node
// Runs the TypeScript CLI in-process through tsx's loader, so `npx cluster-brain` works from a checkout.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

import { handle } from 'hono/aws-lambda';
import { loadEnv } from '../config/env.js';
import { createDeps } from '../config/deps.js';
import { createApp } from '../http/app.js';

/**
 * API Gateway (HTTP API, payload v2) → the same Hono app `npm start` serves.
 * Module scope runs once per cold start: configuration is validated and clients are built here.
 */
const deps = await createDeps(loadEnv());
export const handler = handle(createApp(deps));

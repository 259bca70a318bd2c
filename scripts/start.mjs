#!/usr/bin/env node
// `npm start`: builds what is missing or out of date (scripts/builds.mjs), then runs the server in this
// same process. A second start with unchanged sources builds nothing: no Vite (~40 s here), and no
// TypeScript compiled through tsx for ~400 files (issue 15: ready in under 3 s).
// `npm run start:server` runs the TypeScript sources through tsx instead, as the tests do.
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, ensureWebBuild, serverBundle } from './builds.mjs';

ensureWebBuild();
ensureServerBuild();
process.setSourceMapsEnabled(true); // stack traces name the TypeScript files
await import(pathToFileURL(serverBundle).href);

#!/usr/bin/env node
// Builds the web app when its sources changed since its last build (scripts/builds.mjs); the benchmark
// uses it to measure the same build `npm start` serves.
import { ensureWebBuild } from './builds.mjs';

ensureWebBuild();

// The jobs feature's public surface: the job resource routes (the queue itself is platform).
export { registerJobRoutes } from './job-routes.js';

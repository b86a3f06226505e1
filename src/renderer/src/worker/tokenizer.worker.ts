/// <reference lib="webworker" />
// The coordinating tokenizer worker: a thin adapter between the worker's messages and
// TokenizerCoordinator (coordinator/), which holds the document, schedules the encoding and
// shares big jobs with helper workers (tokenizer.helper.ts).
import type { CoordinatorRequest } from '@shared/contract/workerProtocol'
import { TokenizerCoordinator } from './coordinator/tokenizerCoordinator'
import type { HelperPort } from './coordinator/helperPool'

declare const self: DedicatedWorkerGlobalScope

const coordinator = new TokenizerCoordinator({
  post: (msg, transfer = []) => self.postMessage(msg, transfer),
  spawnHelper: () =>
    new Worker(new URL('./tokenizer.helper.ts', import.meta.url), { type: 'module', name: 'tokenizer-helper' }) as unknown as HelperPort,
  helperCount: Math.max(1, (self.navigator.hardwareConcurrency || 2) - 1),
})

self.onmessage = (event: MessageEvent<CoordinatorRequest>) => coordinator.handle(event.data)

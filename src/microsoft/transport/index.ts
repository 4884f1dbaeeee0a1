// The outbound transport's public surface: the identity client and the Graph client both send through it.
export { backoffDelayMs, type RandomSource, type RetryPolicy } from './backoff.js';
export { exchangeOverFetch, ExchangeTimeoutError, nodeExchange, type Exchange, type ExchangeRequest, type ExchangeResponse, type NodeExchangeOptions } from './exchange.js';
export { createMicrosoftTransport, endpointOf, transportOrOwn, type AttemptOutcome, type FetchLike, type MicrosoftTransport, type MicrosoftTransportOptions, type SendOptions, type SendResult, type StreamOptions, type StreamOutcome } from './microsoft-transport.js';
export { parseRetryAfter, retryAfterOf } from './retry-after.js';

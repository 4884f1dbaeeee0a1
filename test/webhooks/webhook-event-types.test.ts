// The contract's list of webhook event types (the API's enum for eventTypes) and the features that publish them are
// tied together: each feature declares the types it publishes and gets a publisher narrowed to them (the compiler
// refuses any other), and the composition's catalogue must cover the contract's list exactly, one owner per type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEATURE_EVENT_TYPES, hubEventCatalogue } from '../../src/app/event-catalogue.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/contract/webhook-schemas.js';

describe('webhook event catalogue', () => {
  it('every event type of the contract has exactly one publishing feature', () => {
    const owners = hubEventCatalogue();
    assert.deepEqual([...owners.keys()].sort(), [...WEBHOOK_EVENT_TYPES].sort());
    assert.equal(owners.get('connection.needs_reconnect'), 'tokens');
    assert.equal(owners.get('connection.health_changed'), 'health');
  });

  it('refuses a contract type no feature publishes: an admin could subscribe to an event that never comes', () => {
    const { tokens: _dropped, ...withoutTokens } = FEATURE_EVENT_TYPES;
    assert.throws(() => hubEventCatalogue(withoutTokens), /no feature publishes: connection\.needs_reconnect/);
  });

  it('refuses a type declared by two features', () => {
    assert.throws(() => hubEventCatalogue({ ...FEATURE_EVENT_TYPES, other: ['connection.connected'] }), /declared by both connect and other/);
  });
});

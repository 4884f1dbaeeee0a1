// @peculiar/x509 resolves its ASN.1 serialisers through tsyringe, which needs the Reflect metadata API;
// importing the polyfill here (the one module that loads x509) keeps that requirement in one place.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
export const subtle = webcrypto.subtle;

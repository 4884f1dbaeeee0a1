// QuickXorHash (https://learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash) against published vectors,
// and the generated content's derived hash against hashing its bytes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blockLength, GeneratedContent } from '../files/content-generator.js';
import { QuickXorFold, quickXorHash } from '../files/quick-xor-hash.js';

// Input and hash pairs (Base64) from rclone's QuickXorHash tests (backend/onedrive/quickxorhash/quickxorhash_test.go),
// which check its implementation of Microsoft's algorithm; they cover lengths below, at and across the 160-bit width.
const vectors: [string, string][] = [
  ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
  ['T6LYJIfDh81JrAK309H2JMJTXis=', 'zBTHrspn3mEcohlJdIUAbjGNaNg='],
  [
    'jyibxJSzO6ZiZ0O1qe3tG/bvIAYssvukh9suIT5wEy1JBINVgPiqdsTW0cOpP0aUfP7mgqLfADkzI/m/GgCuVhr8oFLrOCoTx1/psBOWwhltCbhUx51Icm9aH8tY4Z3ccU+6BKpYQkLCy0B/A9Zc',
    'hZfLIilSITC6N3e3tQ/iSgEzkto=',
  ],
  [
    'w0LGhqU1WXFbdavqDE4kAjEzWLGGzmTNikzqnsiXHx2KRReKVTxkv27u3UcEz9+lbMvYl4xFf2Z4aE1xRBBNd1Ke5C0zToSaYw5o4B/7X99nKK2/XaUX1byLow2aju2XJl2OpKpJg+tSJ2fmjIJTkfuYUz574dFX6/VXxSxwGH/xQEAKS5TCsBK3CwnuG1p5SAsQq3gGVozDWyjEBcWDMdy8/AIFrj/y03Lfc/RNRCQTAfZbnf2QwV7sluw4fH3XJr07UoD0YqN+7XZzidtrwqMY26fpLZnyZjnBEt1FAZWO7RnKG5asg8xRk9YaDdedXdQSJAOy6bWEWlABj+tVAigBxavaluUH8LOj+yfCFldJjNLdi90fVHkUD/m4Mr5OtmupNMXPwuG3EQlqWUVpQoYpUYKLsk7a5Mvg6UFkiH596y5IbJEVCI1Kb3D1',
    'e3+wo77iKcILiZegnzyUNcjCdoQ=',
  ],
];

describe('QuickXorHash', () => {
  test('matches the published vectors, whole and fed in uneven pieces', () => {
    for (const [input, expected] of vectors) {
      const bytes = Buffer.from(input, 'base64');
      assert.equal(quickXorHash(bytes), expected, `${bytes.length} bytes`);
      const fold = new QuickXorFold();
      for (let i = 0; i < bytes.length; i += 7) fold.update(bytes.subarray(i, i + 7));
      assert.equal(fold.digest(), expected, `${bytes.length} bytes in pieces of 7`);
    }
  });

  test('a generated file\'s derived hash equals the hash of its bytes, below, at and across the block length', () => {
    for (const size of [0, 1, 17, blockLength - 1, blockLength, 2 * blockLength, 3 * blockLength + 4321]) {
      const content = new GeneratedContent(`test/${size}`, size);
      const fold = new QuickXorFold();
      for (const chunk of content.chunks()) fold.update(chunk);
      assert.equal(fold.bytes, size);
      assert.equal(content.quickXorHash(), fold.digest(), `${size} bytes`);
    }
  });

  test('a range of generated content is the same bytes as that part of the whole, and other items differ', () => {
    const size = 2 * blockLength + 999;
    const whole = Buffer.concat([...new GeneratedContent('a', size).chunks()]);
    const part = Buffer.concat([...new GeneratedContent('a', size).chunks(blockLength - 5, blockLength + 40)]);
    assert.deepEqual(part, whole.subarray(blockLength - 5, blockLength + 41));
    assert.notDeepEqual(Buffer.concat([...new GeneratedContent('b', size).chunks(0, 99)]), whole.subarray(0, 100));
  });
});

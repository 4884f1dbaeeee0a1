// Where the SharePoint and Management pass-throughs may send a token, in every national cloud: a SharePoint host is
// one tenant label before the cloud's own suffix (https://learn.microsoft.com/graph/deployments and the
// GCC High / 21Vianet endpoint lists), and an Activity API path names its tenant by id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSharePointPath, isSharePointHost, managementPathTenant } from '../../src/features/proxy/proxied-apis.js';
import { NATIONAL_CLOUDS } from '../../src/platform/config/national-clouds.js';

describe('proxied API targets', () => {
  it("accepts a tenant's SharePoint host in each cloud, and only in that cloud", () => {
    for (const cloud of Object.values(NATIONAL_CLOUDS)) {
      assert.equal(isSharePointHost(`contoso.${cloud.sharePointSuffix}`, cloud.sharePointSuffix), true, cloud.name);
      assert.equal(isSharePointHost(`contoso-my.${cloud.sharePointSuffix}`, cloud.sharePointSuffix), true, 'OneDrive hosts are SharePoint hosts too');
    }
    assert.equal(isSharePointHost('contoso.sharepoint.com', NATIONAL_CLOUDS.usgov.sharePointSuffix), false, 'a global host is not a GCC High one');
  });

  for (const host of ['contoso.sharepoint.com.evil.example', 'evil.example', 'a.b.sharepoint.com', 'contoso.sharepoint.com:8443', '.sharepoint.com', 'evilsharepoint.com', '-x.sharepoint.com']) {
    it(`refuses ${host} as a SharePoint host`, () => assert.equal(isSharePointHost(host, 'sharepoint.com'), false));
  }

  it('takes the tenant id from an activity feed path, lower-cased, and refuses anything else', () => {
    assert.equal(managementPathTenant('/api/v1.0/C0A7E5A0-5E3D-4B7A-9A65-7C0E2F4D1A01/activity/feed/subscriptions/list'), 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01');
    for (const path of ['/api/v1.0/contoso.onmicrosoft.com/activity/feed/subscriptions/list', '/api/v1.0/c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01/activity/feed/', '/api/v2.0/c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01/activity/feed/x', '/x']) {
      assert.throws(() => managementPathTenant(path), { code: 'proxy_path_invalid' }, path);
    }
  });

  it('a SharePoint path must reach _api', () => {
    assert.doesNotThrow(() => checkSharePointPath('/sites/finance/_api/web/lists'));
    assert.doesNotThrow(() => checkSharePointPath('/_API/web'));
    assert.throws(() => checkSharePointPath('/sites/finance/Shared%20Documents/a.docx'), { code: 'proxy_path_invalid' });
  });
});

// M365HUB_CLOUD moves every Microsoft host together (https://learn.microsoft.com/graph/deployments), and Graph
// scopes name the cloud's own Graph host (https://learn.microsoft.com/graph/sdks/national-clouds, "Permission scopes").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config/config.js';
import { CLOUD_NAMES, NATIONAL_CLOUDS } from '../../src/platform/config/national-clouds.js';
import { createEntraClient, delegatedScopes, setupGuide } from '../../src/microsoft/identity/index.js';

describe('national clouds', () => {
  it('the global cloud is the default: Microsoft 365 hosts as everyone knows them', () => {
    const config = loadConfig({});
    assert.equal(config.cloud.name, 'global');
    assert.equal(config.loginUrl, 'https://login.microsoftonline.com');
    assert.equal(config.graphUrl, 'https://graph.microsoft.com');
    assert.equal(config.cloud.managementUrl, 'https://manage.office.com');
  });

  it('M365HUB_CLOUD=usgov-dod sets sign-in, Graph, SharePoint, Management and the admin center together', () => {
    const config = loadConfig({ M365HUB_CLOUD: 'usgov-dod' });
    assert.equal(config.loginUrl, 'https://login.microsoftonline.us');
    assert.equal(config.graphUrl, 'https://dod-graph.microsoft.us');
    assert.equal(config.cloud.sharePointSuffix, 'sharepoint-mil.us');
    assert.equal(config.cloud.managementUrl, 'https://manage.protection.apps.mil');
    assert.equal(config.cloud.entraAdminCenterUrl, 'https://entra.microsoft.us');
  });

  it('21Vianet signs in at login.chinacloudapi.cn and calls microsoftgraph.chinacloudapi.cn', () => {
    const config = loadConfig({ M365HUB_CLOUD: 'china' });
    assert.equal(config.loginUrl, 'https://login.chinacloudapi.cn');
    assert.equal(config.graphUrl, 'https://microsoftgraph.chinacloudapi.cn');
  });

  it('an explicit URL setting still wins (the emulator), while scopes keep naming the cloud’s Graph', () => {
    const config = loadConfig({ M365HUB_CLOUD: 'usgov', M365HUB_GRAPH_URL: 'https://127.0.0.1:8443/', M365HUB_LOGIN_URL: 'https://127.0.0.1:8443' });
    assert.equal(config.graphUrl, 'https://127.0.0.1:8443');
    assert.equal(config.loginUrl, 'https://127.0.0.1:8443');
    assert.equal(config.cloud.graphResource, 'https://graph.microsoft.us');
  });

  it('SharePoint and Management Activity API URL settings move where calls go, not the cloud the tokens name', () => {
    const cloud = loadConfig({ M365HUB_CLOUD: 'usgov' });
    assert.equal(cloud.managementUrl, 'https://manage.office365.us');
    assert.equal(cloud.sharePointUrl, undefined, 'unset: the tenant host itself');
    const emulator = loadConfig({ M365HUB_CLOUD: 'usgov', M365HUB_SHAREPOINT_URL: 'https://127.0.0.1:8443/_sharepoint/{host}/', M365HUB_MANAGEMENT_URL: 'https://127.0.0.1:8443/' });
    assert.equal(emulator.sharePointUrl, 'https://127.0.0.1:8443/_sharepoint/{host}');
    assert.equal(emulator.managementUrl, 'https://127.0.0.1:8443');
    assert.equal(emulator.cloud.managementUrl, 'https://manage.office365.us');
    assert.throws(
      () => loadConfig({ M365HUB_SHAREPOINT_URL: 'https://127.0.0.1:8443/_sharepoint' }),
      (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.setting === 'M365HUB_SHAREPOINT_URL' && /\{host\}/.test(p.expected)),
    );
  });

  it('an unknown cloud is refused naming the ones there are', () => {
    assert.throws(
      () => loadConfig({ M365HUB_CLOUD: 'germany' }),
      (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.setting === 'M365HUB_CLOUD' && CLOUD_NAMES.every((name) => p.expected.includes(name))),
    );
  });

  it('delegated and admin-consent scopes are qualified with the cloud’s Graph resource', () => {
    const usgov = NATIONAL_CLOUDS.usgov;
    const scopes = delegatedScopes(['onedrive'], { graphResource: usgov.graphResource });
    assert.ok(scopes.length > 3);
    for (const scope of scopes.filter((s) => s.includes('/'))) assert.ok(scope.startsWith('https://graph.microsoft.us/'), scope);

    const entra = createEntraClient({ loginUrl: usgov.loginUrl, graphResource: usgov.graphResource });
    const consent = entra.adminConsentUrl({ clientId: 'app', redirectUri: 'https://hub.example/cb', state: 's', tenant: 'organizations' });
    assert.equal(consent.origin, 'https://login.microsoftonline.us');
    assert.equal(consent.searchParams.get('scope'), 'https://graph.microsoft.us/.default');
  });

  it('the setup guide sends the admin to their own cloud’s admin center', () => {
    const guide = setupGuide({ services: [], redirectUri: 'https://hub.example/cb', cloud: NATIONAL_CLOUDS.china });
    const register = guide.steps.find((s) => s.kind === 'register-app');
    assert.match(register?.detail ?? '', /https:\/\/entra\.microsoftonline\.cn, Microsoft 365 operated by 21Vianet/);
  });
});

import { OpenApiSubset } from '../../graph-emulator/openapi-subset';

const subset = new OpenApiSubset();

describe('the Graph OpenAPI subset check', () => {
  it.each([
    ['GET', '/me/drive/special/approot', ''],
    ['GET', '/drives/d/items/root:/pairs/p/agenda.json:/content', ''],
    ['PUT', '/drives/d/items/root:/pairs/p/agenda.json:/content', '{}'],
    ['POST', '/$batch', '{"requests":[{"id":"1","method":"GET","url":"/me"}]}'],
    ['GET', '/me/drive/special/approot:/pairs/p/sessions/s.json:', ''],
    ['GET', '/me/drive/special/approot:/pairs/p/sessions:/children', ''],
    ['PUT', '/me/drive/special/approot:/pairs/p/sessions/s.json:/content', '{}'],
  ])('allows %s %s', (method, path, body) => {
    expect(subset.check(method, path, body)).toBeUndefined();
  });

  it.each([
    ['GET', '/me/mailFolders', '', /path not in the Graph subset/],
    ['DELETE', '/me', '', /not an operation/],
    ['DELETE', '/me/drive/special/approot:/pairs/p/sessions/s.json:', '', /not an operation/],
    ['POST', '/me/events', '', /requires a body/],
    ['POST', '/$batch', '{}', /body.requests is required/],
    ['POST', '/$batch', '{"requests":[{"id":"1","url":"/me"}]}', /body.requests\[0\].method is required/],
  ])('refuses %s %s', (method, path, body, reason) => {
    expect(subset.check(method, path, body)).toMatch(reason);
  });
});

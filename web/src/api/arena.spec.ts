import { describe, expect, it } from 'vitest';
import { stubFetch } from './fetch-stub';
import { setCsrfToken } from './http';
import { arenaApi, liveUrl } from './arena';

describe('arena api', () => {
  const fetchMock = stubFetch({ seq: 1 });

  it('sends the host actions to their routes with the session CSRF header', async () => {
    await arenaApi.act(1, 'advance', { contestant_id: 7 });
    await arenaApi.act(1, 'reveal');
    await arenaApi.timer(1, 'start');
    await arenaApi.reopen(1, 3, 7, '误触');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/contests/1/advance',
      '/api/v1/contests/1/reveal',
      '/api/v1/contests/1/timer',
      '/api/v1/contests/1/scores/reopen',
    ]);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ contestant_id: 7 });
    expect(JSON.parse(fetchMock.mock.calls[2][1].body)).toEqual({ action: 'start' });
    expect(fetchMock.mock.calls[0][1].headers['X-CSRF-Token']).toBe('tok');
  });

  it('sends a judge phone’s score with its device token when there is no session', async () => {
    setCsrfToken('');
    await arenaApi.score(2, 'device-csrf', { contestant_id: 5, values: { statement: 36, defence: 8 }, key: 'k' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/contests/2/judge/scores');
    expect(init.headers['X-CSRF-Token']).toBe('device-csrf');
    expect(JSON.parse(init.body)).toEqual({ contestant_id: 5, values: { statement: 36, defence: 8 }, key: 'k' });
  });

  it('builds the live stream address with the resume point', async () => {
    expect(liveUrl(3, null, 'https://lingyan.example')).toBe('wss://lingyan.example/api/v1/contests/3/live');
    expect(liveUrl(3, 41, 'http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/api/v1/contests/3/live?after=41');
    await arenaApi.messages(3, 41);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/contests/3/messages?after=41');
  });
});

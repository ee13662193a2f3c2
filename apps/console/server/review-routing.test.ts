import { describe, expect, it } from 'vitest';
import { parseReviewRouting, reviewInstanceFor, tokenJurisdiction } from './review-routing';

const token = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('review calls go to the instance serving the jurisdiction', () => {
  const routing = parseReviewRouting('{"220000":"http://province:3002","220100":"http://changchun:3012"}');

  it('a city with its own instance gets it; every other jurisdiction the province’s', () => {
    expect(reviewInstanceFor(routing, '220100')).toBe('http://changchun:3012');
    expect(reviewInstanceFor(routing, '220200')).toBe('http://province:3002');
    expect(reviewInstanceFor(routing, '220000')).toBe('http://province:3002');
    expect(reviewInstanceFor(routing, undefined)).toBe('http://province:3002');
  });

  it('reads the jurisdiction claim of a bearer token, and nothing from a malformed one', () => {
    expect(tokenJurisdiction(`Bearer ${token({ jurisdiction: '220100' })}`)).toBe('220100');
    expect(tokenJurisdiction(`Bearer ${token({ jurisdiction: '../x' })}`)).toBeUndefined();
    expect(tokenJurisdiction('Bearer not-a-jwt')).toBeUndefined();
    expect(tokenJurisdiction(undefined)).toBeUndefined();
  });

  it('refuses a map without the province instance, or that is not JSON, at start-up', () => {
    expect(() => parseReviewRouting('{"220100":"http://changchun:3012"}')).toThrow(/province instance \(220000\)/);
    expect(() => parseReviewRouting('220000=http://x')).toThrow(/must be JSON/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  createPaygovProvider,
  hasValidSignature,
  paygovTime,
  signParams,
} from './paygov.ts';

const secret = 'test-secret-0123456789';
const provider = createPaygovProvider({
  merchantCode: 'TINHSO',
  secret,
  gatewayUrl: 'https://pay.example/gw/',
});

describe('PayGov signatures', () => {
  it('signs the sorted, encoded parameters without the signature and empty values', () => {
    expect(canonicalString({ b: '2', a: 'x y&z=1', signature: 'ignored', empty: '' })).toBe(
      'a=x%20y%26z%3D1&b=2',
    );
  });

  it('keeps a value holding & and = apart from two parameters', () => {
    expect(signParams({ a: '1&b=2' }, secret)).not.toBe(signParams({ a: '1', b: '2' }, secret));
  });

  it('is HMAC-SHA256 in lower-case hex (a known vector)', () => {
    // echo -n 'amount=10000&order_ref=TS1' | openssl dgst -sha256 -hmac test-secret-0123456789
    expect(signParams({ order_ref: 'TS1', amount: '10000' }, secret)).toBe(
      '79e42c9ffe4078d0a6144e3905a2d5f5c049f2d741f0da29dd6ca193375cafc5',
    );
  });

  it('accepts its own signature and refuses a changed value, another key or a malformed one', () => {
    const params = { order_ref: 'TS1', amount: '10000' };
    const signed = { ...params, signature: signParams(params, secret) };
    expect(hasValidSignature(signed, secret)).toBe(true);
    expect(hasValidSignature({ ...signed, signature: signed.signature.toUpperCase() }, secret)).toBe(true);
    expect(hasValidSignature({ ...signed, amount: '10001' }, secret)).toBe(false);
    expect(hasValidSignature(signed, 'another-secret')).toBe(false);
    expect(hasValidSignature({ ...params, signature: 'abc' }, secret)).toBe(false);
    expect(hasValidSignature(params, secret)).toBe(false);
  });

  it('writes timestamps as yyyyMMddHHmmss in Vietnam time', () => {
    expect(paygovTime(new Date('2026-11-26T17:30:05Z'))).toBe('20261127003005');
  });
});

describe('the PayGov adapter', () => {
  it('builds a signed payment URL on the gateway', () => {
    const url = new URL(
      provider.paymentUrl({
        orderRef: 'TS261126ABC',
        amountVnd: 50000,
        description: 'Lệ phí',
        returnUrl: 'https://tinh.example/api/payments/return/paygov',
        ipnUrl: 'https://tinh.example/api/payments/callback/paygov',
        createdAt: new Date('2026-11-26T03:00:00Z'),
      }),
    );
    expect(url.origin + url.pathname).toBe('https://pay.example/gw/pay');
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      merchant_code: 'TINHSO',
      order_ref: 'TS261126ABC',
      amount: '50000',
      currency: 'VND',
    });
    expect(hasValidSignature(params, secret)).toBe(true);
  });

  it('reads a signed callback, and refuses one of another merchant or with a bad amount', () => {
    const callback = {
      merchant_code: 'TINHSO',
      order_ref: 'TS1',
      amount: '50000',
      txn_id: 'PG1',
      status: '00',
    };
    expect(provider.verifyCallback({ ...callback, signature: signParams(callback, secret) })).toEqual({
      orderRef: 'TS1',
      amountVnd: 50000,
      providerTxnId: 'PG1',
      result: 'success',
    });
    const cancelled = { ...callback, status: '24' };
    expect(provider.verifyCallback({ ...cancelled, signature: signParams(cancelled, secret) })?.result).toBe(
      'cancelled',
    );
    const other = { ...callback, merchant_code: 'OTHER' };
    expect(provider.verifyCallback({ ...other, signature: signParams(other, secret) })).toBeNull();
    const badAmount = { ...callback, amount: '-5' };
    expect(provider.verifyCallback({ ...badAmount, signature: signParams(badAmount, secret) })).toBeNull();
  });

  it('acknowledges with the documented codes', () => {
    expect(provider.acknowledge('ok')).toEqual({
      statusCode: 200,
      body: { code: '00', message: 'Confirm success' },
    });
    expect(provider.acknowledge('bad_signature').statusCode).toBe(400);
    expect(provider.acknowledge('bad_signature').body.code).toBe('97');
  });
});

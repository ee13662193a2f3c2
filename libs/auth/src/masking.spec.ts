import { maskIdNumber, maskPhone } from './masking';

describe('maskIdNumber', () => {
  it.each([
    ['220102199001011234', '2201**********1234'],
    ['22010219900101123X', '2201**********123X'],
    ['220102900101123', '2201*******1123'],
    [' 220102199001011234 ', '2201**********1234'],
    ['12345678', '********'],
    ['', ''],
  ])('%s → %s', (input, masked) => expect(maskIdNumber(input)).toBe(masked));

  it('passes null and undefined through', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeUndefined();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13912345678', '139****5678'],
    ['+8613912345678', '+86139****5678'],
    ['+86 13912345678', '+86 139****5678'],
    ['0431-88881234', '****-****1234'],
    ['(0431) 8888 1234', '(****) **** 1234'],
    ['1234', '****'],
  ])('%s → %s', (input, masked) => expect(maskPhone(input)).toBe(masked));

  it('passes null and undefined through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeUndefined();
  });
});

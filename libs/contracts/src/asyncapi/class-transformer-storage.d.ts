// class-transformer ships no typings beside its CJS build; the storage is the one its decorators write to, and
// class-validator-jsonschema needs it to turn `@Type(() => X)` into a $ref (class-transformer issue #563).
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}

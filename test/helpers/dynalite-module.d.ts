/** dynalite ships no types: the one call the helper makes. */
declare module 'dynalite' {
  import type { Server } from 'node:http';
  function dynalite(options?: { createTableMs?: number; deleteTableMs?: number }): Server;
  export = dynalite;
}

// The services the gateway routes to. Each room (stack/<room>/index.ts) default-exports one factory
// taking the same dependencies; rooms are found here rather than listed, so adding a service never
// touches another room's code.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StackConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { Service } from './gateway/service.ts';

export interface ServiceDeps {
  config: StackConfig;
  db: Database;
  log: (line: string) => void;
}

export type ServiceFactory = (deps: ServiceDeps) => Service | Service[] | Promise<Service | Service[]>;

/**
 * Optional named export `beforeMigrations` of a room: runs after the base schema and before the
 * project's migrations (e.g. installing extension shims that migrations `create extension`).
 */
export type BeforeMigrationsHook = (input: { config: StackConfig; dbUrl: string; log: (line: string) => void }) => Promise<void>;

/** Rooms in start order: later rooms may rely on earlier ones' base schema and routes. */
export const ROOMS = ['mailbox', 'auth', 'rest', 'realtime', 'storage', 'functions', 'cron', 'stripe'] as const;

const HERE = dirname(fileURLToPath(import.meta.url));

type RoomModule = { default?: ServiceFactory; beforeMigrations?: BeforeMigrationsHook };

async function loadRooms(): Promise<Array<{ room: string; mod: RoomModule }>> {
  const rooms: Array<{ room: string; mod: RoomModule }> = [];
  for (const room of ROOMS) {
    const entry = join(HERE, room, 'index.ts');
    if (existsSync(entry)) rooms.push({ room, mod: (await import(pathToFileURL(entry).href)) as RoomModule });
  }
  return rooms;
}

export async function runBeforeMigrations(input: Parameters<BeforeMigrationsHook>[0]): Promise<void> {
  for (const { mod } of await loadRooms()) await mod.beforeMigrations?.(input);
}

export async function createServices(deps: ServiceDeps): Promise<Service[]> {
  const services: Service[] = [];
  for (const { room, mod } of await loadRooms()) {
    if (typeof mod.default !== 'function') throw new Error(`stack: ${room}/index.ts must default-export a service factory`);
    const created = await mod.default(deps);
    services.push(...(Array.isArray(created) ? created : [created]));
  }
  return services;
}

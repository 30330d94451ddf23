// PostgREST-compatible REST service on /rest/v1 (see service.ts).
import type { ServiceDeps } from '../services.ts';
import { createRestService } from './service.ts';

export default function createRest(deps: ServiceDeps) {
  return createRestService(deps);
}

// Worker threads do not inherit tsx's module hooks: register them, then load the TypeScript
// module the worker was started with (its last argument; see worker-threads.ts).
import { register } from 'tsx/esm/api'

register()
await import(process.argv.at(-1))

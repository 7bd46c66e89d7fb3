/** The grounding thread's shared flag (src/grounding/off-thread.ts): not started, started, done. */
export const FLAG_WAITING = 0;
export const FLAG_STARTED = 1;
export const FLAG_DONE = 2;

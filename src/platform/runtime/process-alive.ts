/** Whether a process with this pid exists (EPERM: it does, owned by another user, e.g. `postgres` when we are root). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Test-only preload for the backend process (node --import): reports every stretch of more than 20 ms in which
// the event loop did not turn, with the CPU time the process used in it. Wall time alone also counts the time
// the operating system kept the process off the CPU (on a busy shared machine, often 100 ms or more); the CPU
// time is the work that blocked the loop. Lines go to stderr: "loop-monitor: wall W cpu C".
const TICK_MS = 2;
const REPORT_OVER_MS = 20;
let last = performance.now();
let lastCpu = process.cpuUsage();
setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const wall = now - last;
  if (wall > REPORT_OVER_MS) {
    const used = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    process.stderr.write(`loop-monitor: wall ${wall.toFixed(1)} cpu ${used.toFixed(1)}\n`);
  }
  last = now;
  lastCpu = cpu;
}, TICK_MS).unref();

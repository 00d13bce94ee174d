// What a process (with its children) and the machine spent, read from /proc (Linux only).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (`getconf CLK_TCK`, 100 nearly everywhere). */
export const CLK_TCK = (() => {
    try {
        return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
        return 100;
    }
})();

/** Fields after the command name of /proc/<pid>/stat (the name may hold spaces and parentheses). */
function statFields(pid) {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** The pid and all its descendants still alive (Hive Gateway's --fork workers, for one). */
export function processTree(pid) {
    const children = new Map();
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const ppid = Number(statFields(entry)[1]);
            if (!children.has(ppid)) children.set(ppid, []);
            children.get(ppid).push(Number(entry));
        } catch {
            // gone meanwhile
        }
    }
    const tree = [];
    const queue = [pid];
    while (queue.length > 0) {
        const next = queue.shift();
        tree.push(next);
        queue.push(...(children.get(next) || []));
    }
    return tree;
}

/** utime + stime of the process tree, in clock ticks (fields 14 and 15 of stat; 12 and 13 after the name). */
export function cpuTicks(pid) {
    let ticks = 0;
    for (const p of processTree(pid)) {
        try {
            const fields = statFields(p);
            ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
            // exited during the read
        }
    }
    return ticks;
}

/** VmRSS of the process tree in MiB (0 once the process is gone). */
export function rssMiB(pid) {
    let kib = 0;
    for (const p of processTree(pid)) {
        try {
            const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
            if (match) kib += Number(match[1]);
        } catch {
            // exited during the read
        }
    }
    return kib / 1024;
}

export function alive(pid) {
    try {
        statFields(pid);
        return true;
    } catch {
        return false;
    }
}

/** Busy and total ticks of the whole machine (first line of /proc/stat; idle and iowait are not busy). */
export function machineTicks() {
    const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - values[3] - values[4], total };
}

export function loadAverage() {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

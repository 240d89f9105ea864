/*
 * floor.c - the cheapest complete pass over /proc that a per-process memory monitor can make: the
 * lower bound our engine's collection pass is compared to (scripts/bench.sh, docs/PERFORMANCE.md).
 * Run it as scripts/floor, which compiles it on first use.
 *
 *   floor [-m stat|rollup|smaps] [-n PASSES] [-w WARMUP] [-P PIDFILE] [-e] [-p] [-q]
 *
 * One pass = list the pids (readdir of /proc, or the pids in PIDFILE) and, for each pid, read and
 * parse
 *   stat          comm, utime, stime                      (both modes)
 *   statm         resident pages = RSS                     (both modes)
 *   smaps_rollup  Rss, Pss, Private_Clean + Private_Dirty (-m rollup: PSS and USS)
 *   smaps         the same keys summed over every mapping  (-m smaps: the floor of a scan of every
 *                 mapping, scripts/maps-bench.sh; always read to end of file, as smaps comes in
 *                 several reads)
 * with nothing else: no classification, no allocation per process, no output. Files are opened
 * relative to an open /proc directory and read with one read() each (these files are produced in
 * one go, so a read that does not fill the buffer has everything); -e reads on until end of file,
 * as generic file-reading code does, which costs one more system call per file.
 *
 * Options: -n timed passes (1..1000, default 10); -w untimed warm-up passes first (0..100,
 * default 1: the first visit of a pid also builds its /proc dentries); -P only the pids in
 * PIDFILE (whitespace-separated), e.g. a population's procs.pids, so other processes on the host
 * do not count; -p print "pid rss_kib pss_kib uss_kib utime stime comm" of the last pass; -q no
 * line per pass.
 *
 * Output: one line per pass on stderr, then a summary and, last, a machine-readable line:
 *   RESULT mode=.. scope=all|pidfile passes=.. procs=.. read_ok=.. with_mm=.. pass_ms_min=..
 *          pass_ms_median=.. pass_ms_max=.. us_per_proc=.. cpu_ms_per_pass=.. sys_share=..
 *          rss_mib=.. pss_mib=.. uss_mib=..
 * us_per_proc is the median pass time divided by the pids listed; cpu_ms_per_pass is this
 * program's user + system time per pass; with_mm counts the pids whose memory was read (kernel
 * threads have none); the MiB totals are of the last pass.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define MAX_PIDS (1 << 20) /* more than any pid_max in use */

struct proc_values {
    int pid;
    int read_ok; /* stat was read */
    int has_mm;  /* memory was read */
    long long rss_kib, pss_kib, uss_kib;
    unsigned long long utime, stime;
    char comm[16];
};

static int g_proc_fd;
static int g_rollup;
static int g_smaps;
static int g_to_eof;
static long g_page_kib;
static char *g_buf;
static size_t g_cap = 16384;

/* Reads the file at path (relative to /proc) into g_buf, NUL-terminated; returns its length or -1. */
static ssize_t read_proc(const char *path) {
    int fd = openat(g_proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t len = 0;
    for (;;) {
        ssize_t r = read(fd, g_buf + len, g_cap - 1 - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { close(fd); return -1; }
        len += (size_t)r;
        if (r == 0 || (!g_to_eof && len < g_cap - 1)) break;
        if (len == g_cap - 1) {
            char *bigger = realloc(g_buf, g_cap * 2);
            if (!bigger) { close(fd); return -1; }
            g_buf = bigger;
            g_cap *= 2;
        }
    }
    close(fd);
    g_buf[len] = 0;
    return (ssize_t)len;
}

static unsigned long long number(const char **p) {
    const char *s = *p;
    while (*s == ' ' || *s == '\t') s++;
    unsigned long long v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (unsigned long long)(*s++ - '0');
    *p = s;
    return v;
}

/* comm is between the first '(' and the LAST ')': it may itself hold ") " */
static int parse_stat(const char *s, size_t len, struct proc_values *v) {
    const char *open = strchr(s, '(');
    const char *close = memrchr(s, ')', len);
    if (!open || !close || close < open) return -1;
    snprintf(v->comm, sizeof v->comm, "%.*s", (int)(close - open - 1), open + 1);
    const char *p = close + 2; /* field 3, the state */
    for (int field = 3; field < 14 && *p; p++)
        if (*p == ' ') field++;
    v->utime = number(&p);
    v->stime = number(&p);
    return 0;
}

static void parse_rollup(const char *s, struct proc_values *v) {
    long long rss = 0, pss = 0, uss = 0;
    int seen = 0;
    for (const char *line = s; *line; ) {
        const char *p = line;
        if (strncmp(line, "Rss:", 4) == 0) { p += 4; rss = (long long)number(&p); seen = 1; }
        else if (strncmp(line, "Pss:", 4) == 0) { p += 4; pss = (long long)number(&p); }
        else if (strncmp(line, "Private_Clean:", 14) == 0) { p += 14; uss += (long long)number(&p); }
        else if (strncmp(line, "Private_Dirty:", 14) == 0) { p += 14; uss += (long long)number(&p); }
        const char *nl = strchr(p, '\n');
        if (!nl) break;
        line = nl + 1;
    }
    if (!seen) return; /* empty for kernel threads */
    v->has_mm = 1;
    v->rss_kib = rss;
    v->pss_kib = pss;
    v->uss_kib = uss;
}

/* Like parse_rollup, but every mapping has its own lines: sum them. */
static void parse_smaps(const char *s, struct proc_values *v) {
    long long rss = 0, pss = 0, uss = 0;
    int seen = 0;
    for (const char *line = s; *line; ) {
        const char *p = line;
        if (strncmp(line, "Rss:", 4) == 0) { p += 4; rss += (long long)number(&p); seen = 1; }
        else if (strncmp(line, "Pss:", 4) == 0) { p += 4; pss += (long long)number(&p); }
        else if (strncmp(line, "Private_Clean:", 14) == 0) { p += 14; uss += (long long)number(&p); }
        else if (strncmp(line, "Private_Dirty:", 14) == 0) { p += 14; uss += (long long)number(&p); }
        const char *nl = strchr(p, '\n');
        if (!nl) break;
        line = nl + 1;
    }
    if (!seen) return;
    v->has_mm = 1;
    v->rss_kib = rss;
    v->pss_kib = pss;
    v->uss_kib = uss;
}

static void read_pid(int pid, struct proc_values *v) {
    char path[48];
    memset(v, 0, sizeof *v);
    v->pid = pid;
    snprintf(path, sizeof path, "%d/stat", pid);
    ssize_t n = read_proc(path);
    if (n <= 0 || parse_stat(g_buf, (size_t)n, v) != 0) return; /* gone meanwhile */
    v->read_ok = 1;
    snprintf(path, sizeof path, "%d/statm", pid);
    if (read_proc(path) > 0) {
        const char *p = g_buf;
        (void)number(&p); /* size */
        v->rss_kib = (long long)number(&p) * g_page_kib;
        v->has_mm = v->rss_kib > 0;
    }
    if (g_rollup) {
        v->has_mm = 0;
        snprintf(path, sizeof path, "%d/smaps_rollup", pid);
        if (read_proc(path) > 0) parse_rollup(g_buf, v);
    } else if (g_smaps) {
        v->has_mm = 0;
        snprintf(path, sizeof path, "%d/smaps", pid);
        int to_eof = g_to_eof;
        g_to_eof = 1;
        if (read_proc(path) > 0) parse_smaps(g_buf, v);
        g_to_eof = to_eof;
    }
}

static int list_pids(int *pids) {
    DIR *d = opendir("/proc");
    if (!d) { perror("floor: /proc"); exit(1); }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_PIDS) {
        if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
        pids[n++] = atoi(e->d_name);
    }
    closedir(d);
    return n;
}

static int read_pidfile(const char *path, int *pids) {
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "floor: %s: %s\n", path, strerror(errno)); exit(2); }
    int n = 0, pid;
    while (n < MAX_PIDS && fscanf(f, "%d", &pid) == 1)
        if (pid > 0) pids[n++] = pid;
    fclose(f);
    if (n == 0) { fprintf(stderr, "floor: %s: no pids\n", path); exit(2); }
    return n;
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void cpu(double *user, double *sys) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
    *sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int usage(void) {
    fprintf(stderr, "usage: floor [-m stat|rollup|smaps] [-n PASSES] [-w WARMUP] [-P PIDFILE] [-e] [-p] [-q]\n");
    return 2;
}

int main(int argc, char **argv) {
    int passes = 10, warmup = 1, dump = 0, quiet = 0, opt;
    const char *pidfile = NULL;
    while ((opt = getopt(argc, argv, "m:n:w:P:epqh")) != -1) {
        switch (opt) {
        case 'm':
            g_rollup = g_smaps = 0;
            if (strcmp(optarg, "rollup") == 0) g_rollup = 1;
            else if (strcmp(optarg, "smaps") == 0) g_smaps = 1;
            else if (strcmp(optarg, "stat") != 0) {
                fprintf(stderr, "floor: -m: expected stat, rollup or smaps, got '%s'\n", optarg);
                return 2;
            }
            break;
        case 'n': passes = atoi(optarg); break;
        case 'w': warmup = atoi(optarg); break;
        case 'P': pidfile = optarg; break;
        case 'e': g_to_eof = 1; break;
        case 'p': dump = 1; break;
        case 'q': quiet = 1; break;
        case 'h': usage(); return 0;
        default: return usage();
        }
    }
    if (optind != argc) return usage();
    if (passes < 1 || passes > 1000) { fprintf(stderr, "floor: -n must be 1..1000\n"); return 2; }
    if (warmup < 0 || warmup > 100) { fprintf(stderr, "floor: -w must be 0..100\n"); return 2; }
    g_page_kib = sysconf(_SC_PAGESIZE) / 1024;
    g_proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    g_buf = malloc(g_cap);
    int *pids = malloc(sizeof(int) * MAX_PIDS);
    int *fixed = pidfile ? malloc(sizeof(int) * MAX_PIDS) : NULL;
    struct proc_values *values = malloc(sizeof(struct proc_values) * MAX_PIDS);
    double *wall = malloc(sizeof(double) * (size_t)passes);
    if (g_proc_fd < 0 || !g_buf || !pids || (pidfile && !fixed) || !values || !wall) {
        perror("floor");
        return 1;
    }
    int nfixed = pidfile ? read_pidfile(pidfile, fixed) : 0;

    double cpu_user = 0, cpu_sys = 0, listed = 0;
    int n = 0;
    for (int pass = -warmup; pass < passes; pass++) {
        double u0, s0, u1, s1;
        cpu(&u0, &s0);
        double t0 = seconds(CLOCK_MONOTONIC);
        if (fixed) {
            memcpy(pids, fixed, sizeof(int) * (size_t)nfixed);
            n = nfixed;
        } else {
            n = list_pids(pids);
        }
        for (int i = 0; i < n; i++) read_pid(pids[i], &values[i]);
        double t1 = seconds(CLOCK_MONOTONIC);
        cpu(&u1, &s1);
        if (pass < 0) continue;
        wall[pass] = t1 - t0;
        cpu_user += u1 - u0;
        cpu_sys += s1 - s0;
        listed += n;
        if (!quiet)
            fprintf(stderr, "pass %d: %d pids in %.2f ms (%.2f us per process, cpu %.2f ms)\n", pass + 1, n,
                    wall[pass] * 1e3, wall[pass] * 1e6 / (n ? n : 1), (u1 - u0 + s1 - s0) * 1e3);
    }

    long long rss = 0, pss = 0, uss = 0;
    int read_ok = 0, with_mm = 0;
    int memory = g_rollup || g_smaps; /* PSS and USS were read */
    for (int i = 0; i < n; i++) {
        const struct proc_values *v = &values[i];
        read_ok += v->read_ok;
        if (v->has_mm) { with_mm++; rss += v->rss_kib; pss += v->pss_kib; uss += v->uss_kib; }
        if (dump && v->read_ok)
            printf("%d %lld %lld %lld %llu %llu %s\n", v->pid, v->rss_kib, v->has_mm && memory ? v->pss_kib : -1,
                   v->has_mm && memory ? v->uss_kib : -1, v->utime, v->stime, v->comm);
    }
    qsort(wall, (size_t)passes, sizeof *wall, by_value);
    double median = passes % 2 ? wall[passes / 2] : (wall[passes / 2 - 1] + wall[passes / 2]) / 2;
    double procs = listed / passes, cpu_total = cpu_user + cpu_sys;
    const char *mode = g_rollup ? "rollup" : g_smaps ? "smaps" : "stat";
    printf("floor: %s%s, %d passes over %.0f pids: median %.2f ms per pass, %.2f us per process, cpu %.2f ms per pass\n",
           mode, g_to_eof ? " (read to EOF)" : "", passes, procs, median * 1e3, median * 1e6 / (procs > 0 ? procs : 1),
           cpu_total * 1e3 / passes);
    printf("RESULT mode=%s%s scope=%s passes=%d procs=%.0f read_ok=%d with_mm=%d pass_ms_min=%.3f pass_ms_median=%.3f "
           "pass_ms_max=%.3f us_per_proc=%.2f cpu_ms_per_pass=%.3f sys_share=%.2f rss_mib=%.1f pss_mib=%.1f uss_mib=%.1f\n",
           mode, g_to_eof ? "-eof" : "", pidfile ? "pidfile" : "all", passes, procs, read_ok, with_mm, wall[0] * 1e3,
           median * 1e3, wall[passes - 1] * 1e3, median * 1e6 / (procs > 0 ? procs : 1), cpu_total * 1e3 / passes,
           cpu_total > 0 ? cpu_sys / cpu_total : 0.0, rss / 1024.0, memory ? pss / 1024.0 : 0.0,
           memory ? uss / 1024.0 : 0.0);
    return 0;
}

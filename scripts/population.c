/*
 * population.c - a stable population of test processes for the benchmarks and the smem comparison.
 * Run it through scripts/population.sh, which builds it, checks the memory budget and stops it.
 *
 *   population run N DIR BUDGET_MIB TTL_S
 *
 * The supervisor starts N processes in families that look like a server's (postgres with its
 * background workers, nginx master and workers, Tomcat and Spring Boot JVMs, redis, node, python,
 * sshd, ...), waits until each has built its memory, writes their pids to DIR/procs.pids and a
 * description to DIR/procs.tsv, then waits until SIGTERM/SIGINT/SIGHUP or TTL_S. On the way out it
 * stops every process it started, reaps them and removes the pid files.
 *
 * Why each piece is there:
 *  - Every process writes its own private anonymous region (1..16 MiB before scaling to
 *    BUDGET_MIB; distinct sizes up to N = 3841), so RSS and USS differ from process to process.
 *    BUDGET_MIB bounds the whole: the data file (below) plus every private and shared region.
 *  - Families share memory so that PSS != RSS, in the two ways real servers do: postgres-like
 *    families map MAP_SHARED|MAP_ANONYMOUS memory (shmem, like shared_buffers) that every member
 *    reads; nginx/redis/haproxy-like families write MAP_PRIVATE memory before fork, so the pages
 *    stay shared copy-on-write with the children.
 *  - The JVM, node, python and browser-like processes map DIR/population.data (16 MiB, written
 *    once by the supervisor) read-only and shared, each a different prefix of it (a quarter to
 *    all of it): file-backed pages shared by many processes, as libraries and jars are.
 *  - Names are set like the real programs set them: leaders are exec'd with the real program's
 *    argv (so /proc/PID/cmdline is e.g. a 3 KB java classpath) and set comm with PR_SET_NAME;
 *    children rewrite their argv area ("postgres: 15/main: checkpointer"). A few names are
 *    hostile to parsers: a space, parentheses, ") " with a quote and a backslash inside comm, and
 *    a name longer than the kernel's 15 bytes.
 *  - After the ready report a process only sleeps (pause()), so its RSS/PSS/USS stay constant:
 *    the smem comparison can read them seconds apart. Transparent huge pages are declined
 *    (MADV_NOHUGEPAGE) so page counts do not jump by 2 MiB.
 *
 * Bounds: N <= 5000; memory scaled to BUDGET_MIB; the supervisor exits after TTL_S and every
 * worker also has alarm(TTL_S + 60). Leaders die with the supervisor and members with their leader
 * (PR_SET_PDEATHSIG); the supervisor is a child subreaper, so members orphaned by a dying leader
 * are reaped by it and not left as zombies for init.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_N 5000
#define PAGE 4096L
#define MIN_PAGES 16 /* never less than 64 KiB of any region */
#define ROLE_ENV "HERAKLES_POPULATION_ROLE"

extern char **environ;

enum share { NO_SHARE, SHMEM, COW };

struct kind {
    const char *comm;          /* what the leader's comm becomes (the kernel keeps 15 bytes) */
    const char *argv[10];      /* the leader's argv; "%d" = family number, "@CP@" = classpath */
    enum share share;          /* memory the family shares between parent and children */
    int children;
    const char *child_comm;
    const char *child_title[3];/* children's cmdline, one per child; NULL = keep the leader's */
    int maps_file;             /* maps a prefix of the shared data file */
    int threads;               /* extra sleeping threads per process */
};

static const struct kind KINDS[] = {
    {"postgres", {"/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/15/main%d", "-c",
                  "config_file=/etc/postgresql/15/main/postgresql.conf", NULL},
     SHMEM, 3, "postgres",
     {"postgres: 15/main: checkpointer", "postgres: 15/main: background writer", "postgres: 15/main: walwriter"},
     0, 0},
    {"nginx", {"nginx: master process /usr/sbin/nginx -g daemon on; master_process on; # site %d", NULL},
     COW, 2, "nginx", {"nginx: worker process", "nginx: worker process"}, 0, 0},
    {"java", {"/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "-Xms128m", "-Xmx512m",
              "-Dcatalina.base=/opt/tomcat%d", "-classpath", "@CP@",
              "org.apache.catalina.startup.Bootstrap", "start", NULL},
     NO_SHARE, 0, NULL, {NULL}, 1, 4},
    {"redis-server", {"/usr/bin/redis-server 127.0.0.1:63%02d", NULL},
     COW, 1, "redis-rdb-bgsave", {"redis-rdb-bgsave"}, 0, 3},
    {"python3", {"/usr/bin/python3", "/opt/jobs/worker.py", "--queue", "jobs-%d", NULL},
     NO_SHARE, 0, NULL, {NULL}, 1, 0},
    {"node", {"node", "/srv/web/server.js", "--port=30%02d", NULL}, NO_SHARE, 0, NULL, {NULL}, 1, 3},
    {"sshd", {"sshd: deploy@pts/%d", NULL}, NO_SHARE, 0, NULL, {NULL}, 0, 0},
    {"bash", {"-bash", NULL}, NO_SHARE, 0, NULL, {NULL}, 0, 0},
    {"java", {"/usr/bin/java", "-Xmx256m", "-cp", "/opt/shop/shop-%d.jar",
              "org.springframework.boot.loader.JarLauncher", "--server.port=80%02d", NULL},
     NO_SHARE, 0, NULL, {NULL}, 1, 4},
    {"memcached", {"/usr/bin/memcached", "-m", "64", "-p", "112%02d", "-u", "memcache", "-l", "127.0.0.1", NULL},
     NO_SHARE, 0, NULL, {NULL}, 0, 2},
    {"haproxy", {"/usr/sbin/haproxy", "-Ws", "-f", "/etc/haproxy/haproxy.cfg", "-p", "/run/haproxy-%d.pid", NULL},
     COW, 1, "haproxy", {NULL}, 0, 0},
    /* names that break naive parsers of /proc/PID/stat and of label values */
    {"Web Content", {"/usr/lib/firefox-esr/firefox-esr", "-contentproc", "-childID", "%d", "-isForBrowser", "tab", NULL},
     NO_SHARE, 0, NULL, {NULL}, 1, 0},
    {"(sd-pam)", {"(sd-pam)", NULL}, NO_SHARE, 0, NULL, {NULL}, 0, 0},
    {"od) d\"q\\b", {"/opt/odd dir/od) d\"q\\b", "--label=a b", "--id=%d", NULL}, NO_SHARE, 0, NULL, {NULL}, 0, 0},
    {"herakles-long-daemon-name", {"/usr/local/bin/herakles-long-daemon-name", "--config", "/etc/long/%d.conf", NULL},
     NO_SHARE, 0, NULL, {NULL}, 0, 0},
};
#define NKINDS ((int)(sizeof KINDS / sizeof KINDS[0]))

/* The mix, cycled family by family: servers dominate, each odd name appears once per cycle. */
static const int MIX[] = {0, 1, 2, 3, 4, 5, 6, 7, 4, 8, 9, 10, 6, 7, 5, 11, 12, 13, 14, 2};
#define NMIX ((int)(sizeof MIX / sizeof MIX[0]))

struct slot {
    int kind, family, leader, member, members;
    long private_pages;
    long shared_pages; /* the family's shared anonymous region, 0 = none */
    long file_pages;   /* prefix of the data file this process reads, 0 = none */
};

static struct slot S[MAX_N];
static long g_file_pages;

/* The plan depends only on (n, budget): the supervisor and every leader (after its exec) compute
 * the same one, so nothing but four numbers has to cross the exec. */
static void plan(int n, long budget_mib) {
    int i = 0;
    for (int family = 0; i < n; family++) {
        int k = MIX[family % NMIX];
        int members = 1 + KINDS[k].children;
        if (members > n - i) members = n - i;
        long shared = KINDS[k].share != NO_SHARE && members > 1 ? 256 + ((long)family * 613) % 1793 : 0;
        for (int m = 0; m < members; m++, i++) {
            S[i] = (struct slot){k, family, i - m, m, members, 0, shared, 0};
            /* 2477 is prime and does not divide 3841: i -> i*2477 mod 3841 is a bijection */
            S[i].private_pages = 256 + ((long)i * 2477) % 3841;
        }
    }
    /* The data file is written once whatever N is, like the libraries of a real host: 16 MiB,
       or an eighth of a small budget. Only the per-process memory is scaled to the rest. */
    long long budget = budget_mib * 1024 * 1024 / PAGE;
    g_file_pages = budget / 8 < 4096 ? (long)(budget / 8) : 4096;
    for (i = 0; i < n; i++)
        if (KINDS[S[i].kind].maps_file) S[i].file_pages = g_file_pages / 4 + ((long)i * 389) % (g_file_pages * 3 / 4);
    long long total = 0;
    for (i = 0; i < n; i++) total += S[i].private_pages + (S[i].member == 0 ? S[i].shared_pages : 0);
    if (total <= budget - g_file_pages) return;
    double f = (double)(budget - g_file_pages) / (double)total;
    for (i = 0; i < n; i++) {
        S[i].private_pages = (long)(S[i].private_pages * f) < MIN_PAGES ? MIN_PAGES : (long)(S[i].private_pages * f);
        if (S[i].shared_pages)
            S[i].shared_pages = (long)(S[i].shared_pages * f) < MIN_PAGES ? MIN_PAGES : (long)(S[i].shared_pages * f);
    }
}

static char g_classpath[3600];

static void build_classpath(void) {
    static const char *jars[] = {"catalina", "catalina-ha", "tomcat-coyote", "tomcat-jni", "tomcat-util",
                                 "servlet-api", "jasper", "el-api", "spring-core", "spring-context",
                                 "jackson-databind", "postgresql", "HikariCP", "slf4j-api"};
    size_t off = 0;
    for (int k = 0; off + 80 < sizeof g_classpath; k++)
        off += (size_t)snprintf(g_classpath + off, sizeof g_classpath - off, "%s/opt/tomcat/lib/%s-%d.%d.jar",
                                k ? ":" : "", jars[k % 14], 9 + k % 3, k % 17);
}

/* ------------------------------------------------------------------------------------ workers */

static int g_ttl;
static char *g_argv_area; /* where this process's cmdline lives, for children's titles */
static size_t g_argv_len;

static void *map_anon(long pages, int flags) {
    void *p = mmap(NULL, (size_t)(pages * PAGE), PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    madvise(p, (size_t)(pages * PAGE), MADV_NOHUGEPAGE);
    return p;
}

static void write_pages(volatile char *p, long pages, int salt) {
    for (long k = 0; k < pages; k++) p[k * PAGE] = (char)(1 + ((k + salt) % 127));
}

static char read_pages(const volatile char *p, long pages) {
    char sum = 0;
    for (long k = 0; k < pages; k++) sum ^= p[k * PAGE];
    return sum;
}

static void *sleeper(void *arg) {
    (void)arg;
    for (;;) pause();
    return NULL;
}

static void set_title(const char *title) {
    size_t n = strlen(title);
    if (!g_argv_area || g_argv_len == 0) return;
    if (n >= g_argv_len) n = g_argv_len - 1;
    memcpy(g_argv_area, title, n);
    memset(g_argv_area + n, 0, g_argv_len - n);
}

/* Builds this member's memory and names, reports ready on fd, then sleeps forever. */
static void become(int i, volatile char *shared, const char *datafile, int ready_fd) {
    const struct slot *s = &S[i];
    const struct kind *k = &KINDS[s->kind];
    alarm((unsigned)g_ttl + 60); /* the last bound if no kill ever arrives (fork does not inherit it) */
    if (s->member == 0) {
        prctl(PR_SET_NAME, k->comm, 0, 0, 0);
    } else {
        prctl(PR_SET_NAME, k->child_comm, 0, 0, 0);
        if (k->child_title[(s->member - 1) % 3]) set_title(k->child_title[(s->member - 1) % 3]);
        /* fork does not copy the page tables of MAP_SHARED memory: a postgres backend shows
           shared_buffers in its RSS only once it touched them */
        if (shared && k->share == SHMEM) (void)read_pages(shared, s->shared_pages);
    }
    char *own = map_anon(s->private_pages, MAP_PRIVATE);
    if (!own) _exit(3);
    write_pages(own, s->private_pages, i);
    if (s->file_pages) {
        int fd = open(datafile, O_RDONLY | O_CLOEXEC);
        if (fd < 0) _exit(4);
        char *f = mmap(NULL, (size_t)(s->file_pages * PAGE), PROT_READ, MAP_SHARED, fd, 0);
        close(fd);
        if (f == MAP_FAILED) _exit(4);
        madvise(f, (size_t)(s->file_pages * PAGE), MADV_NOHUGEPAGE);
        (void)read_pages(f, s->file_pages);
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    for (int t = 0; t < k->threads; t++) {
        pthread_t th;
        if (pthread_create(&th, &attr, sleeper, NULL) != 0) _exit(5);
    }
    int32_t report[2] = {i, (int32_t)getpid()};
    if (write(ready_fd, report, sizeof report) != (ssize_t)sizeof report) _exit(6);
    close(ready_fd);
    for (;;) pause();
}

/* A family leader after its exec: the role says which slot it is and how to report. */
static int leader_main(int argc, char **argv, const char *role) {
    int leader, n, ttl, ready_fd;
    long budget;
    char datafile[4096];
    if (sscanf(role, "%d %d %ld %d %d %4095[^\n]", &leader, &n, &budget, &ttl, &ready_fd, datafile) != 6
        || n < 1 || n > MAX_N || leader < 0 || leader >= n)
        return 2;
    g_ttl = ttl;
    g_argv_area = argv[0];
    g_argv_len = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]);
    plan(n, budget);
    const struct slot *L = &S[leader];
    volatile char *shared = NULL;
    if (L->shared_pages) {
        shared = map_anon(L->shared_pages, KINDS[L->kind].share == SHMEM ? MAP_SHARED : MAP_PRIVATE);
        if (!shared) return 3;
        write_pages(shared, L->shared_pages, leader); /* before fork: shared with every child */
    }
    pid_t me = getpid();
    for (int m = 1; m < L->members; m++) {
        pid_t c = fork();
        if (c < 0) return 7;
        if (c == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
            if (getppid() != me) _exit(0); /* the leader died before the line above */
            become(leader + m, shared, datafile, ready_fd);
        }
    }
    become(leader, shared, datafile, ready_fd);
    return 0;
}

/* ---------------------------------------------------------------------------------- supervisor */

static volatile sig_atomic_t g_stop;
static void on_stop(int sig) { g_stop = sig; }
static void on_child(int sig) { (void)sig; }

static int g_n;
static pid_t g_leader_pid[MAX_N]; /* by slot, leaders only: our own children */
static char g_reaped[MAX_N];
static pid_t g_pid[MAX_N];        /* every worker, from its ready report */

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void note_reaped(pid_t pid, int status) {
    for (int i = 0; i < g_n; i++) {
        if (g_leader_pid[i] != pid && g_pid[i] != pid) continue;
        if (g_leader_pid[i] == pid) g_reaped[i] = 1;
        if (!g_stop)
            fprintf(stderr, "population: process %d (slot %d) ended unexpectedly (status 0x%x)\n", pid, i, status);
        return;
    }
}

/* Reaps every child that has ended; returns 1 when no child is left. */
static int reap_ready(void) {
    int st;
    pid_t r;
    while ((r = waitpid(-1, &st, WNOHANG)) > 0) note_reaped(r, st);
    return r < 0 && errno == ECHILD;
}

/* SIGTERM to the leaders only: unreaped children cannot have a recycled pid, and every member
 * follows its leader through PR_SET_PDEATHSIG. SIGKILL after 10 s. Reaps until no child is left. */
static void stop_all(void) {
    if (!g_stop) g_stop = SIGTERM; /* from here on, an ending child is expected */
    for (int i = 0; i < g_n; i++)
        if (g_leader_pid[i] > 0 && !g_reaped[i]) kill(g_leader_pid[i], SIGTERM);
    double kill_at = now_s() + 10, give_up = now_s() + 20;
    int killed = 0;
    for (;;) {
        int st;
        pid_t r = waitpid(-1, &st, WNOHANG);
        if (r > 0) { note_reaped(r, st); continue; }
        if (r < 0 && errno == ECHILD) return;
        if (!killed && now_s() > kill_at) {
            for (int i = 0; i < g_n; i++)
                if (g_leader_pid[i] > 0 && !g_reaped[i]) kill(g_leader_pid[i], SIGKILL);
            killed = 1;
        }
        if (now_s() > give_up) {
            fprintf(stderr, "population: children still running after 20 s\n");
            return;
        }
        usleep(20000);
    }
}

static int write_atomically(const char *path, const char *text, size_t len) {
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return -1;
    int ok = fwrite(text, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    return ok ? rename(tmp, path) : -1;
}

static int write_data_file(const char *path, long pages) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    static char block[PAGE];
    for (long p = 0; p < pages; p++) {
        memset(block, (int)(1 + p % 251), sizeof block); /* non-zero: no sparse holes */
        if (write(fd, block, sizeof block) != (ssize_t)sizeof block) { close(fd); return -1; }
    }
    return close(fd);
}

static char *fill_argv(const struct kind *k, int family, char **argv, char *arena, size_t cap) {
    size_t off = 0;
    int a = 0;
    for (; k->argv[a]; a++) {
        const char *w = k->argv[a];
        argv[a] = arena + off;
        if (strcmp(w, "@CP@") == 0) off += (size_t)snprintf(arena + off, cap - off, "%s", g_classpath) + 1;
        else off += (size_t)snprintf(arena + off, cap - off, w, family % 100) + 1;
    }
    argv[a] = NULL;
    return arena;
}

static int supervise(int n, const char *dir, long budget, int ttl) {
    char pidfile[4096], tsv[4096], datafile[4096], supfile[4096];
    snprintf(pidfile, sizeof pidfile, "%s/procs.pids", dir);
    snprintf(tsv, sizeof tsv, "%s/procs.tsv", dir);
    snprintf(datafile, sizeof datafile, "%s/population.data", dir);
    snprintf(supfile, sizeof supfile, "%s/supervisor.pid", dir);
    g_n = n;
    plan(n, budget);
    build_classpath();
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) perror("population: PR_SET_CHILD_SUBREAPER");
    /* The stop signals and SIGCHLD stay blocked except inside ppoll (start-up) and sigwaitinfo
       (steady state), so a signal can never slip in between a check and a blocking wait. */
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_child;
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    sigset_t waited, unblocked;
    sigemptyset(&waited);
    sigaddset(&waited, SIGTERM);
    sigaddset(&waited, SIGINT);
    sigaddset(&waited, SIGHUP);
    sigaddset(&waited, SIGALRM);
    sigaddset(&waited, SIGCHLD);
    sigprocmask(SIG_BLOCK, &waited, &unblocked);
    alarm((unsigned)ttl);
    char me[32];
    int melen = snprintf(me, sizeof me, "%d\n", (int)getpid());
    if (write_atomically(supfile, me, (size_t)melen) != 0) { perror(supfile); return 1; }
    if (write_data_file(datafile, g_file_pages) != 0) { perror(datafile); unlink(supfile); return 1; }

    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) { perror("pipe"); return 1; }
    double t0 = now_s();
    static char arena[8192];
    static char role[4500];
    char *argv[12];
    pid_t self = getpid();
    for (int i = 0; i < n && !g_stop; i += S[i].members) {
        fill_argv(&KINDS[S[i].kind], S[i].family, argv, arena, sizeof arena);
        snprintf(role, sizeof role, ROLE_ENV "=%d %d %ld %d %d %s", i, n, budget, ttl, ready[1], datafile);
        pid_t c = fork();
        if (c < 0) { perror("population: fork"); g_stop = SIGTERM; break; }
        if (c == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
            if (getppid() != self) _exit(0);
            sigprocmask(SIG_SETMASK, &unblocked, NULL); /* the mask would survive the exec */
            fcntl(ready[1], F_SETFD, 0); /* the write end survives the exec, the read end does not */
            putenv(role);
            execve("/proc/self/exe", argv, environ);
            _exit(127);
        }
        g_leader_pid[i] = c;
    }
    close(ready[1]);

    int got = 0;
    double deadline = t0 + 60 + n / 25.0;
    while (got < n && !g_stop) {
        struct pollfd p = {ready[0], POLLIN, 0};
        double left = deadline - now_s();
        if (left <= 0) { fprintf(stderr, "population: only %d of %d ready in time\n", got, n); break; }
        struct timespec wait = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        int r = ppoll(&p, 1, &wait, &unblocked);
        reap_ready();
        if (r <= 0) continue;
        int32_t rep[2];
        ssize_t len = read(ready[0], rep, sizeof rep);
        if (len == 0) { fprintf(stderr, "population: every worker closed the pipe, %d of %d ready\n", got, n); break; }
        if (len != (ssize_t)sizeof rep || rep[0] < 0 || rep[0] >= n) continue;
        if (!g_pid[rep[0]]) got++;
        g_pid[rep[0]] = rep[1];
    }
    close(ready[0]);
    if (got < n) {
        stop_all();
        unlink(supfile);
        unlink(datafile);
        return 1;
    }

    size_t cap = (size_t)n * 160 + 256, off = 0, poff = 0;
    char *t = malloc(cap), *pids = malloc((size_t)n * 12 + 1);
    if (!t || !pids) { perror("malloc"); stop_all(); return 1; }
    long long priv = 0, shared = 0, files = 0;
    off += (size_t)snprintf(t, cap, "pid\tslot\tfamily\tcomm\tprivate_kib\tshared_anon_kib\tshared_kind\tfile_kib\tthreads\n");
    for (int i = 0; i < n; i++) {
        const struct kind *k = &KINDS[S[i].kind];
        char comm[16];
        snprintf(comm, sizeof comm, "%s", S[i].member ? k->child_comm : k->comm);
        poff += (size_t)sprintf(pids + poff, "%d\n", g_pid[i]);
        off += (size_t)snprintf(t + off, cap - off, "%d\t%d\t%d\t%s\t%ld\t%ld\t%s\t%ld\t%d\n", g_pid[i], i, S[i].family,
                                comm, S[i].private_pages * 4, S[i].shared_pages * 4,
                                S[i].shared_pages ? (k->share == SHMEM ? "shmem" : "cow") : "-",
                                S[i].file_pages * 4, k->threads);
        priv += S[i].private_pages;
        if (S[i].member == 0) shared += S[i].shared_pages;
        if (S[i].file_pages) files++;
    }
    if (write_atomically(tsv, t, off) != 0 || write_atomically(pidfile, pids, poff) != 0) {
        perror(pidfile);
        stop_all();
        return 1;
    }
    printf("population: %d processes ready in %.1f s: private %lld MiB, shared anonymous %lld MiB, "
           "data file %ld KiB mapped by %lld; supervisor %d, ends after %d s\n",
           n, now_s() - t0, priv * 4 / 1024, shared * 4 / 1024, g_file_pages * 4, files, (int)getpid(), ttl);
    fflush(stdout);

    while (!g_stop) {
        int sig = sigwaitinfo(&waited, NULL);
        if (sig == SIGCHLD) {
            if (reap_ready()) {
                fprintf(stderr, "population: every worker has ended\n");
                break;
            }
        } else if (sig > 0) {
            g_stop = sig;
        }
    }
    unlink(pidfile);
    stop_all();
    unlink(tsv);
    unlink(datafile);
    unlink(supfile);
    if (g_stop == SIGALRM) fprintf(stderr, "population: TTL of %d s reached, stopped\n", ttl);
    return 0;
}

int main(int argc, char **argv) {
    const char *role = getenv(ROLE_ENV);
    if (role) return leader_main(argc, argv, role);
    if (argc != 6 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: population run N DIR BUDGET_MIB TTL_S  (use scripts/population.sh)\n");
        return 2;
    }
    int n = atoi(argv[2]), ttl = atoi(argv[5]);
    long budget = atol(argv[4]);
    if (n < 1 || n > MAX_N) { fprintf(stderr, "population: N must be 1..%d, got %s\n", MAX_N, argv[2]); return 2; }
    if (budget < 16 || budget > 16384) { fprintf(stderr, "population: BUDGET_MIB must be 16..16384\n"); return 2; }
    if (ttl < 1 || ttl > 7 * 86400) { fprintf(stderr, "population: TTL_S must be 1..604800\n"); return 2; }
    return supervise(n, argv[3], budget, ttl);
}

/*
 * A child with known memory maps, for MapsLiveChildTest: a touched 8 MiB heap block, a 4 MiB file
 * mapped and read, and a 4 MiB POSIX shared-memory segment (MAP_SHARED) that a forked sibling maps
 * too. Prints "ready PARENT CHILD FILE SHM" once everything is touched, then both wait until stdin
 * closes and exit.
 *
 *   cc -O1 -o maps-child maps-child.c   (add -lrt on old glibc)
 *   maps-child FILE   (FILE is created, 4 MiB)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define MIB (1024 * 1024)

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: maps-child FILE\n");
        return 2;
    }
    char *heap = malloc(8 * MIB);
    memset(heap, 1, 8 * MIB);

    int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ftruncate(fd, 4 * MIB) != 0) {
        perror("file");
        return 1;
    }
    char *file = mmap(NULL, 4 * MIB, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (file == MAP_FAILED) {
        perror("mmap file");
        return 1;
    }
    memset(file, 2, 4 * MIB);

    char shm_name[64];
    snprintf(shm_name, sizeof shm_name, "/herakles-maps-test-%d", (int) getpid());
    int sfd = shm_open(shm_name, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (sfd < 0 || ftruncate(sfd, 4 * MIB) != 0) {
        perror("shm");
        return 1;
    }
    char *shm = mmap(NULL, 4 * MIB, PROT_READ | PROT_WRITE, MAP_SHARED, sfd, 0);
    if (shm == MAP_FAILED) {
        perror("mmap shm");
        return 1;
    }
    memset(shm, 3, 4 * MIB);

    int touched[2];
    if (pipe(touched) != 0) {
        perror("pipe");
        return 1;
    }
    pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        volatile char sum = 0;
        for (long i = 0; i < 4 * MIB; i += 4096) {
            sum += shm[i]; /* the sibling's page tables map every page too */
        }
        if (write(touched[1], "t", 1) != 1) {
            return 1;
        }
        char c;
        while (read(0, &c, 1) > 0) {
        }
        return sum == 42;
    }
    char t;
    if (read(touched[0], &t, 1) != 1) { /* the sibling has touched its pages */
        return 1;
    }
    printf("ready %d %d %s /dev/shm%s\n", (int) getpid(), (int) child, argv[1], shm_name);
    fflush(stdout);
    char c;
    while (read(0, &c, 1) > 0) {
    }
    shm_unlink(shm_name);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return heap[0] + file[0] + shm[0] == 42;
}

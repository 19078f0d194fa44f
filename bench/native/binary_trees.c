/* Binary trees: C version matching bench/binary_trees.py output exactly. */
#include <stdio.h>
#include <stdlib.h>

typedef struct node { struct node *left, *right; } node;

static node *make_tree(int depth) {
    node *n = malloc(sizeof(node));
    if (depth == 0) {
        n->left = n->right = NULL;
    } else {
        n->left = make_tree(depth - 1);
        n->right = make_tree(depth - 1);
    }
    return n;
}

static long check_tree(const node *n) {
    if (n->left == NULL) return 1;
    return 1 + check_tree(n->left) + check_tree(n->right);
}

static void free_tree(node *n) {
    if (n->left) { free_tree(n->left); free_tree(n->right); }
    free(n);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 16;
    int min_depth = 4;
    int max_depth = min_depth + 2 > n ? min_depth + 2 : n;
    int stretch_depth = max_depth + 1;

    node *t = make_tree(stretch_depth);
    printf("stretch tree of depth %d\t check: %ld\n", stretch_depth, check_tree(t));
    free_tree(t);

    node *long_lived = make_tree(max_depth);
    for (int depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long check = 0;
        for (long i = 0; i < iterations; i++) {
            node *tt = make_tree(depth);
            check += check_tree(tt);
            free_tree(tt);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, check);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check_tree(long_lived));
    free_tree(long_lived);
    return 0;
}

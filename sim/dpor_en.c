/* dpor_en.c: a task node's enabled set, packed (dpor_int.h): a bitset
 * when that is smaller, else the tids, in the node itself when they fit
 * its 16 bytes (up to 128 tids, or 4 tasks enabled). A path of 857,470
 * nodes with 56 tasks enabled at each took 270 MB of tid lists, none
 * now; a node with a thousand tasks enabled takes 128 bytes, not 4 KB.
 * The order is the engine's (ascending tids), whatever the form. */
#include "dpor_int.h"

#include <string.h>

void en_free(node *n)
{
    if (n->en_words > EN_IN_WORDS)
        free(n->en_u.bits);
    else if (!n->en_words && n->en_len > EN_IN_TIDS)
        free(n->en_u.list);
    n->en_len = n->en_words = 0;
}

void en_set(node *n, const int32_t *a, size_t k)
{
    size_t words = k ? (size_t)a[k - 1] / 64 + 1 : 0;
    uint64_t *b;
    en_free(n);
    n->en_len = (uint32_t)k;
    for (size_t i = 1; i < k; i++)
        WF_ASSERT(a[i - 1] < a[i]);
    WF_ASSERT(!k || a[0] >= 0);
    if (words && (words <= EN_IN_WORDS ||
                  (k > EN_IN_TIDS && words * 2 <= k))) {
        b = words <= EN_IN_WORDS ? n->en_u.w
                                 : wf_xcalloc(words, sizeof *b);
        if (words <= EN_IN_WORDS)
            memset(n->en_u.w, 0, sizeof n->en_u.w);
        else
            n->en_u.bits = b;
        for (size_t i = 0; i < k; i++)
            b[(uint32_t)a[i] / 64] |= 1ull << ((uint32_t)a[i] % 64);
        n->en_words = (uint32_t)words;
        return;
    }
    if (k > EN_IN_TIDS) {
        n->en_u.list = wf_xmalloc(k * sizeof *a);
        memcpy(n->en_u.list, a, k * sizeof *a);
    } else if (k) {
        memcpy(n->en_u.l, a, k * sizeof *a);
    }
}

bool en_has(const node *n, int32_t t)
{
    if (t < 0)
        return false;
    if (n->en_words) {
        const uint64_t *b = en_bits(n);
        return (uint32_t)t / 64 < n->en_words &&
               (b[(uint32_t)t / 64] >> ((uint32_t)t % 64) & 1);
    } else {
        const int32_t *l = en_list(n);
        size_t lo = 0, hi = n->en_len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (l[mid] < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < n->en_len && l[lo] == t;
    }
}

int en_index(const node *n, int32_t t)
{
    if (!en_has(n, t))
        return -1;
    if (n->en_words) {
        const uint64_t *b = en_bits(n);
        uint32_t w = (uint32_t)t / 64, r = 0;
        for (uint32_t i = 0; i < w; i++)
            r += (uint32_t)__builtin_popcountll(b[i]);
        return (int)(r + (uint32_t)__builtin_popcountll(
                             b[w] & ((1ull << ((uint32_t)t % 64)) - 1)));
    } else {
        const int32_t *l = en_list(n);
        for (uint32_t i = 0; i < n->en_len; i++)
            if (l[i] == t)
                return (int)i;
        return -1;
    }
}

void en_unpack(const node *n, tidvec *v)
{
    v->len = 0;
    VEC_RESERVE(*v, n->en_len);
    if (n->en_words) {
        const uint64_t *b = en_bits(n);
        for (size_t w = 0; w < n->en_words; w++)
            for (uint64_t x = b[w]; x; x &= x - 1)
                v->p[v->len++] = (int32_t)(w * 64 + (size_t)__builtin_ctzll(x));
    } else if (n->en_len) {
        memcpy(v->p, en_list(n), n->en_len * sizeof *v->p);
        v->len = n->en_len;
    }
    WF_ASSERT(v->len == n->en_len);
}

const tidvec *en_vec(dpor *d, const node *n)
{
    en_unpack(n, &d->en_tmp);
    return &d->en_tmp;
}

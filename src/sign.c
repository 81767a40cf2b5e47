/* SPDX-License-Identifier: MIT */
/* Ed25519 signatures and BLAKE2b digests through libsodium (the only file
 * that includes it). Keys and signatures travel as lower-case hex. */
#include "sign.h"

#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(struct sign_hash),
	       "struct sign_hash too small for libsodium's state");
_Static_assert(crypto_sign_PUBLICKEYBYTES == SIGN_PUBLIC_BYTES, "public key size");
_Static_assert(crypto_sign_SECRETKEYBYTES == SIGN_SECRET_BYTES, "secret key size");
_Static_assert(crypto_sign_BYTES == SIGN_BYTES, "signature size");

/* libsodium started once; from either thread of an import (sodium_init
 * itself may be called from several). */
static void ready(void)
{
	static atomic_int done;
	if (!atomic_load(&done)) {
		if (sodium_init() < 0) {
			fputs("tiendo: libsodium cannot start (no random source?)\n", stderr);
			abort();
		}
		atomic_store(&done, 1);
	}
}

static crypto_generichash_state *state(struct sign_hash *h)
{
	return (crypto_generichash_state *)(void *)h->state;
}

void sign_hash_init(struct sign_hash *h, const char *domain)
{
	ready();
	crypto_generichash_init(state(h), NULL, 0, SIGN_DIGEST_BYTES);
	crypto_generichash_update(state(h), (const unsigned char *)domain, strlen(domain) + 1);
}

void sign_hash_update(struct sign_hash *h, const void *p, size_t n)
{
	crypto_generichash_update(state(h), p, n);
}

void sign_hash_final(struct sign_hash *h, uint8_t out[SIGN_DIGEST_BYTES])
{
	crypto_generichash_final(state(h), out, SIGN_DIGEST_BYTES);
}

void sign_keypair(uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES])
{
	ready();
	crypto_sign_keypair(pk, sk);
}

void sign_public_of(const uint8_t sk[SIGN_SECRET_BYTES], uint8_t pk[SIGN_PUBLIC_BYTES])
{
	ready();
	crypto_sign_ed25519_sk_to_pk(pk, sk);
}

void sign_detached(uint8_t sig[SIGN_BYTES], const uint8_t digest[SIGN_DIGEST_BYTES],
		   const uint8_t sk[SIGN_SECRET_BYTES])
{
	ready();
	crypto_sign_detached(sig, NULL, digest, SIGN_DIGEST_BYTES, sk);
}

bool sign_verify(const uint8_t sig[SIGN_BYTES], const uint8_t digest[SIGN_DIGEST_BYTES],
		 const uint8_t pk[SIGN_PUBLIC_BYTES])
{
	ready();
	return crypto_sign_verify_detached(sig, digest, SIGN_DIGEST_BYTES, pk) == 0;
}

void sign_fingerprint(const uint8_t pk[SIGN_PUBLIC_BYTES], char out[SIGN_FINGERPRINT_BUF])
{
	uint8_t d[16];
	ready();
	crypto_generichash(d, sizeof d, pk, SIGN_PUBLIC_BYTES, (const unsigned char *)"tiendo-key", 10);
	/* 20 digits from the first 9 bytes: a big number in base 10, digit by digit. */
	uint8_t num[9];
	memcpy(num, d, sizeof num);
	char digits[21];
	for (int k = 19; k >= 0; k--) {
		unsigned rem = 0;
		for (size_t i = 0; i < sizeof num; i++) {
			unsigned cur = rem * 256 + num[i];
			num[i] = (uint8_t)(cur / 10);
			rem = cur % 10;
		}
		digits[k] = (char)('0' + rem);
	}
	snprintf(out, SIGN_FINGERPRINT_BUF, "%.4s %.4s %.4s %.4s %.4s", digits, digits + 4,
		 digits + 8, digits + 12, digits + 16);
}

void sign_to_hex(const uint8_t *p, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[p[i] >> 4];
		out[2 * i + 1] = hex[p[i] & 15];
	}
	out[2 * n] = '\0';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool sign_from_hex(const char *s, uint8_t *out, size_t n)
{
	if (strlen(s) != 2 * n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

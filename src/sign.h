/* SPDX-License-Identifier: MIT */
/* Signatures of exchange files: Ed25519 key pairs, detached signatures over a
 * BLAKE2b digest, and a fingerprint a clerk can read over the phone. The
 * only module that includes libsodium. */
#ifndef TIENDO_SIGN_H
#define TIENDO_SIGN_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIGN_PUBLIC_BYTES 32
#define SIGN_SECRET_BYTES 64
#define SIGN_BYTES 64
#define SIGN_DIGEST_BYTES 64
/* Hex text of a public key (64 digits) and of a signature (128), with NUL. */
#define SIGN_PUBLIC_HEX (2 * SIGN_PUBLIC_BYTES + 1)
#define SIGN_HEX (2 * SIGN_BYTES + 1)
/* "1234 5678 9012 3456 7890": five groups of four digits. */
#define SIGN_FINGERPRINT_BUF 32

/* A digest being computed (BLAKE2b-512); opaque. */
struct sign_hash {
	alignas(64) unsigned char state[512];
};

/* Start a digest; domain separates the kinds of signed text ("tiendo-report"). */
void sign_hash_init(struct sign_hash *h, const char *domain);
void sign_hash_update(struct sign_hash *h, const void *p, size_t n);
void sign_hash_final(struct sign_hash *h, uint8_t out[SIGN_DIGEST_BYTES]);

/* A new key pair from the system's random source. */
void sign_keypair(uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES]);
/* The public key that belongs to a secret key. */
void sign_public_of(const uint8_t sk[SIGN_SECRET_BYTES], uint8_t pk[SIGN_PUBLIC_BYTES]);
void sign_detached(uint8_t sig[SIGN_BYTES], const uint8_t digest[SIGN_DIGEST_BYTES],
		   const uint8_t sk[SIGN_SECRET_BYTES]);
bool sign_verify(const uint8_t sig[SIGN_BYTES], const uint8_t digest[SIGN_DIGEST_BYTES],
		 const uint8_t pk[SIGN_PUBLIC_BYTES]);

/* The public key's fingerprint: 20 decimal digits (66 bits of its BLAKE2b
 * digest) in five groups of four, read digit by digit in any language. */
void sign_fingerprint(const uint8_t pk[SIGN_PUBLIC_BYTES], char out[SIGN_FINGERPRINT_BUF]);

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void sign_to_hex(const uint8_t *p, size_t n, char *out);
/* Exactly 2n hex digits into n bytes; false otherwise. */
bool sign_from_hex(const char *s, uint8_t *out, size_t n);

#endif

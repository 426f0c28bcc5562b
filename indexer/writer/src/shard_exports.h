/** @file shard_exports.h
 *  @brief What a shard's database carries for a sharded search that the remote protocol
 *         cannot read otherwise (or only a round trip a key): its spelling dictionary and its
 *         acronyms, as chunks of metadata.
 */
#ifndef RAPPORTEUR_SHARD_EXPORTS_H
#define RAPPORTEUR_SHARD_EXPORTS_H

#include <xapian.h>

#include <string>

namespace rapporteur {

/** When `db` is a shard's (schema::META_SHARD set, or `shard` given as "K/N" to set it),
 *  rewrites schema::META_SPELLING (and its fingerprint) from its spelling table and schema::META_ACRONYMS from its
 *  schema::META_SYNONYM keys; else does nothing. The caller commits. */
void export_for_shards(Xapian::WritableDatabase& db, const std::string& shard = {});

} // namespace rapporteur

#endif

//! What results become for people and for bookkeeping: explanations in words and tables
//! ([`explain`]), posting lines ([`postings`]) and the comparison of two versions of a case
//! ([`compare`]), and posting exports for a finance system ([`ledger`]). Nothing here computes a split.

pub mod compare;
pub mod explain;
pub mod ledger;
pub mod postings;

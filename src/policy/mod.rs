//! The shared-financing policy: a declarative, dated document ([`PolicyDoc`]) validated once into a
//! compiled [`Policy`].
//!
//! A policy declares municipalities, their departments and the sector areas each department serves,
//! a catalogue of services (who may grant each one and who must pay, with legal basis), allocation
//! keys with dated versions, dated eligibility criteria, and dated cross-municipality arrangements
//! (municipality A grants on behalf of municipality B, which keeps paying).

//!
//! * [`document`]: the policy as written (TOML, JSON or a workbook), declared once with serde;
//! * [`compiled`]: the validated, indexed policy the engine reads;
//! * [`compile`]: the checks that turn the one into the other, reporting every problem;
//! * [`year`](mod@year): the controller's year (committees, budget areas, price index), read by the portfolio;
//! * [`ledger`]: cost centres, groupings and export profiles, read by the posting export.

pub mod compile;
pub mod compile_financing;
pub mod compiled;
pub mod document;
pub mod financing;
pub mod ledger;
pub mod year;

pub use compiled::*;
pub use document::*;

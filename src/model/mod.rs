//! The vocabulary every layer shares: money, dates, validity in time, sector areas, languages and
//! errors. Nothing here knows a policy or a case.

pub mod date;
pub mod error;
pub mod money;
pub mod schema;
pub mod sector;
pub mod text;
pub mod validity;

pub use date::{Date, Month};
pub use error::{ComputeError, Doc, ErrorCode, ErrorKind, InputError, InputErrors, RefKind};
pub use money::{Amount, Money, Weight};
pub use sector::Sector;
pub use validity::{Period, Validity};

//! `fordeling` for Python: the native half of the `fordeling` package (`fordeling._native`). It only
//! passes contract text across; the Python half (`fordeling/__init__.py`) builds requests, raises
//! `FordelingError` and turns answers into rows.

use pyo3::prelude::*;

/// Answer a contract request (JSON text) with the contract's answer (JSON text). Never raises:
/// invalid input gives a `{"status":"error",...}` answer. Other Python threads run meanwhile.
#[pyfunction]
fn handle(py: Python<'_>, request_json: &str) -> String {
    py.detach(|| fordeling::contract::handle_json(request_json))
}

/// The built-in example policy (TOML text).
#[pyfunction]
fn example_policy() -> &'static str {
    fordeling::example::POLICY
}

/// The built-in example cases: (name, TOML text, (first day, last day) of the period to compute).
#[pyfunction]
fn example_cases() -> Vec<(&'static str, &'static str, (&'static str, &'static str))> {
    fordeling::example::CASES.iter().map(|e| (e.name, e.case, e.period)).collect()
}

/// The contract version this build speaks.
#[pyfunction]
fn contract_version() -> u32 {
    fordeling::contract::CONTRACT_VERSION
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(handle, m)?)?;
    m.add_function(wrap_pyfunction!(example_policy, m)?)?;
    m.add_function(wrap_pyfunction!(example_cases, m)?)?;
    m.add_function(wrap_pyfunction!(contract_version, m)?)?;
    Ok(())
}

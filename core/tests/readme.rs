//! The README's policy file is documentation users copy: it must load, and say what it says.

use complaint_office::policy::Policy;

/// The first ```toml block after the heading `## The policy file`.
fn readme_policy() -> Result<String, &'static str> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .map_err(|_| "README.md at the workspace root")?;
    let (_, section) = readme
        .split_once("## The policy file")
        .ok_or("a section `## The policy file`")?;
    let (_, block) = section
        .split_once("```toml\n")
        .ok_or("a ```toml block in that section")?;
    let (policy, _) = block.split_once("```").ok_or("the block is closed")?;
    Ok(policy.to_owned())
}

#[test]
fn the_readme_policy_file_loads() {
    let text = readme_policy().unwrap();
    let policy = Policy::from_toml_str(&text).unwrap_or_else(|e| panic!("README policy: {e}"));
    assert_eq!(policy.deadlines().follow_up.to_string(), "7 working days");
    assert_eq!(policy.deadlines().feedback.to_string(), "3 working days");
    // Two more calendars, and who uses which.
    let names: Vec<&str> = policy.calendars().map(|(name, _)| name).collect();
    assert_eq!(names, ["default", "guangxi", "hotline"]);
    assert_eq!(
        policy
            .channel_calendar(complaint_office::intake::Channel::Hotline)
            .0,
        "hotline"
    );
    assert_eq!(policy.department_calendar(Some("quality")).0, "guangxi");
    // It prints back to a file that loads to the same policy.
    let again = Policy::from_toml_str(&policy.to_toml().expect("prints")).expect("reloads");
    assert_eq!(again, policy);
}

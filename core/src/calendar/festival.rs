//! The statutory festivals of the PRC calendar, for labelling days off and make-up days.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// A statutory festival (法定節假日) that a day off or a make-up working day belongs to.
    pub enum Festival("festival", "calendar.unknown_festival") {
        /// New Year's Day (元旦).
        NewYear = "new_year",
        /// Spring Festival (春節).
        SpringFestival = "spring_festival",
        /// Tomb-sweeping Day (清明節).
        TombSweeping = "tomb_sweeping",
        /// Labour Day (勞動節).
        LabourDay = "labour_day",
        /// Dragon Boat Festival (端午節).
        DragonBoat = "dragon_boat",
        /// Mid-Autumn Festival (中秋節).
        MidAutumn = "mid_autumn",
        /// National Day (國慶節).
        NationalDay = "national_day",
        /// The 70th anniversary of victory in the War of Resistance, 2015 (抗戰勝利紀念日).
        VictoryDay = "victory_day",
    }
}

impl Festival {
    /// The festival's name in Traditional Chinese, Simplified Chinese and English.
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Festival::NewYear => ("元旦", "元旦", "New Year's Day"),
            Festival::SpringFestival => ("春節", "春节", "Spring Festival"),
            Festival::TombSweeping => ("清明節", "清明节", "Tomb-sweeping Day"),
            Festival::LabourDay => ("勞動節", "劳动节", "Labour Day"),
            Festival::DragonBoat => ("端午節", "端午节", "Dragon Boat Festival"),
            Festival::MidAutumn => ("中秋節", "中秋节", "Mid-Autumn Festival"),
            Festival::NationalDay => ("國慶節", "国庆节", "National Day"),
            Festival::VictoryDay => ("抗戰勝利紀念日", "抗战胜利纪念日", "Victory Day"),
        }
    }
}

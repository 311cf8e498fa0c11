//! Words the sample-data generator composes from: a fictional Sở Thông tin và Truyền thông
//! with its units, Vietnamese personal names, and the phrasing of directives and minutes.

use crate::unit::UnitKind;

/// The sample office: a fictional Sở, its parent agency, symbol, place and the conclusion
/// notice's signer block.
pub fn office() -> crate::office::Office {
    crate::office::Office {
        name: "Sở Thông tin và Truyền thông tỉnh Lào Cai".into(),
        parent_agency: "UBND tỉnh Lào Cai".into(),
        symbol: "STTTT".into(),
        place: "Lào Cai".into(),
        signer_authority: "TL.".into(),
        signer_over: "Giám đốc".into(),
        signer_title: "Chánh Văn phòng".into(),
        signer_name: "Nguyễn Thị Hạnh".into(),
    }
}

/// Its meeting room.
pub const ROOM: &str = "Phòng họp tầng 3, Sở Thông tin và Truyền thông";

/// Units: name, short name, code, kind, whether internal to the Sở (can lead most work).
pub const UNITS: &[(&str, &str, &str, UnitKind, bool)] = &[
    (
        "Sở Thông tin và Truyền thông",
        "Sở TTTT",
        "STTTT",
        UnitKind::Department,
        false,
    ),
    ("Văn phòng Sở", "Văn phòng", "VP", UnitKind::Office, true),
    (
        "Thanh tra Sở",
        "Thanh tra",
        "TTR",
        UnitKind::Inspectorate,
        true,
    ),
    (
        "Phòng Kế hoạch - Tài chính",
        "Phòng KHTC",
        "KHTC",
        UnitKind::Division,
        true,
    ),
    (
        "Phòng Thông tin - Báo chí - Xuất bản",
        "Phòng TTBCXB",
        "TTBCXB",
        UnitKind::Division,
        true,
    ),
    (
        "Phòng Bưu chính, Viễn thông và Công nghệ thông tin",
        "Phòng BCVT-CNTT",
        "BCVT",
        UnitKind::Division,
        true,
    ),
    (
        "Phòng Chuyển đổi số",
        "Phòng CĐS",
        "CDS",
        UnitKind::Division,
        true,
    ),
    (
        "Trung tâm Công nghệ thông tin và Truyền thông",
        "Trung tâm CNTT&TT",
        "TTCNTT",
        UnitKind::Center,
        true,
    ),
    (
        "Trung tâm Giám sát, điều hành đô thị thông minh",
        "Trung tâm IOC",
        "IOC",
        UnitKind::Center,
        true,
    ),
    (
        "Phòng Biên tập Cổng Thông tin điện tử",
        "Phòng Biên tập Cổng TTĐT",
        "CTTDT",
        UnitKind::Division,
        true,
    ),
    (
        "Phòng Văn hóa và Thông tin thành phố Lào Cai",
        "VHTT TP Lào Cai",
        "VHTT-LC",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin thị xã Sa Pa",
        "VHTT Sa Pa",
        "VHTT-SP",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Bát Xát",
        "VHTT Bát Xát",
        "VHTT-BX",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Bảo Thắng",
        "VHTT Bảo Thắng",
        "VHTT-BT",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Bảo Yên",
        "VHTT Bảo Yên",
        "VHTT-BY",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Bắc Hà",
        "VHTT Bắc Hà",
        "VHTT-BH",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Mường Khương",
        "VHTT Mường Khương",
        "VHTT-MK",
        UnitKind::District,
        false,
    ),
    (
        "Phòng Văn hóa và Thông tin huyện Văn Bàn",
        "VHTT Văn Bàn",
        "VHTT-VB",
        UnitKind::District,
        false,
    ),
    (
        "Văn phòng UBND tỉnh",
        "VP UBND tỉnh",
        "VPUBND",
        UnitKind::External,
        false,
    ),
    (
        "Sở Tài chính",
        "Sở Tài chính",
        "STC",
        UnitKind::External,
        false,
    ),
    ("Sở Nội vụ", "Sở Nội vụ", "SNV", UnitKind::External, false),
    (
        "Công an tỉnh",
        "Công an tỉnh",
        "CAT",
        UnitKind::External,
        false,
    ),
    (
        "Báo Lào Cai",
        "Báo Lào Cai",
        "BLC",
        UnitKind::External,
        false,
    ),
];

/// A unit that was merged away: inactive, kept for its history.
pub const MERGED_UNIT: (&str, &str, UnitKind) = (
    "Trung tâm Tích hợp dữ liệu (đã sáp nhập)",
    "TTTHDL",
    UnitKind::Center,
);

/// Family names.
pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Hà", "Lò", "Giàng", "Vàng", "Đinh", "Tạ", "Lương",
];
/// Middle names.
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Thu", "Hồng", "Xuân", "Kim",
];
/// Given names.
pub const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Lan",
    "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thắng", "Thảo",
    "Trang", "Tuấn", "Việt", "Yến", "Khánh", "Toàn",
];

/// What directives ask units to do.
pub const ACTIONS: &[&str] = &[
    "Tham mưu UBND tỉnh ban hành",
    "Xây dựng và trình lãnh đạo Sở",
    "Chủ động triển khai",
    "Hoàn thiện hồ sơ",
    "Đôn đốc các huyện, thị xã, thành phố thực hiện",
    "Tổ chức kiểm tra việc thực hiện",
    "Rà soát, đánh giá kết quả",
    "Tổng hợp, báo cáo tình hình",
    "Hướng dẫn các cơ quan, đơn vị",
    "Phối hợp tổ chức",
    "Đẩy nhanh tiến độ",
    "Tăng cường công tác tuyên truyền về",
];

/// What directives are about.
pub const OBJECTS: &[&str] = &[
    "kế hoạch chuyển đổi số năm {year}",
    "hệ thống quản lý văn bản và điều hành",
    "dịch vụ công trực tuyến toàn trình",
    "công tác thông tin đối ngoại",
    "hội nghị giao ban báo chí quý {q}",
    "bảo đảm an toàn thông tin mạng cho các cơ quan nhà nước",
    "quy hoạch hạ tầng viễn thông thụ động",
    "hệ thống thư điện tử công vụ",
    "cấp phát và sử dụng chữ ký số chuyên dùng",
    "nội dung Cổng Thông tin điện tử tỉnh",
    "hệ thống truyền thanh cơ sở ứng dụng công nghệ thông tin - viễn thông",
    "Ngày Sách và Văn hóa đọc Việt Nam năm {year}",
    "triển lãm tư liệu về chủ quyền biển, đảo",
    "công tác cải cách hành chính của Sở",
    "giải ngân vốn đầu tư công năm {year}",
    "vận hành Trung tâm giám sát, điều hành đô thị thông minh",
    "phòng, chống tham nhũng, tiêu cực trong nội bộ",
    "thanh tra chuyên ngành bưu chính, viễn thông",
    "quản lý nhà nước về báo chí, xuất bản trên địa bàn",
    "phát triển ứng dụng dữ liệu dân cư phục vụ chuyển đổi số",
    "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh",
    "phổ cập kỹ năng số cho người dân",
    "bộ chỉ số đánh giá chuyển đổi số cấp huyện",
    "đề án sắp xếp tổ chức bộ máy các đơn vị sự nghiệp",
];

/// Closing qualifiers.
pub const QUALIFIERS: &[&str] = &[
    "",
    ", bảo đảm chất lượng và đúng tiến độ",
    "; báo cáo kết quả về Văn phòng Sở để tổng hợp",
    ", kịp thời đề xuất tháo gỡ khó khăn, vướng mắc",
    " theo đúng quy định",
    ", trình lãnh đạo Sở xem xét trước khi ban hành",
];

/// Expected outputs.
pub const OUTPUTS: &[&str] = &[
    "Kế hoạch trình UBND tỉnh",
    "Báo cáo kết quả",
    "Văn bản hướng dẫn",
    "Tờ trình kèm dự thảo quyết định",
    "Hệ thống vận hành chính thức",
    "Biên bản kiểm tra",
];

/// Topics of opinions voiced in meetings.
pub const OPINION_TOPICS: &[&str] = &[
    "đề nghị bổ sung kinh phí cho nhiệm vụ chuyển đổi số",
    "nêu khó khăn về nhân lực công nghệ thông tin tại các huyện",
    "đề xuất điều chỉnh tiến độ triển khai dịch vụ công trực tuyến",
    "kiến nghị tăng cường phối hợp giữa các phòng chuyên môn",
    "báo cáo vướng mắc trong thủ tục giải ngân",
    "đề nghị tổ chức tập huấn kỹ năng số cho cán bộ cơ sở",
    "phản ánh tình trạng hạ tầng mạng tại vùng sâu, vùng xa",
    "đề xuất sơ kết việc thực hiện quy chế phát ngôn",
];

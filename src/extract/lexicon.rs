//! The Vietnamese words the extractor's rules are written in, folded (no diacritics,
//! `đ` → `d`). Each list says what its words signal in a meeting's conclusions.

use crate::token::{Token, starts_with};

/// Verbs that open a task: "tăng cường công tác…", "khẩn trương hoàn thành…"; see
/// [`action_at`].
pub const ACTIONS: &[&[&str]] = &[
    &["co", "trach", "nhiem"],
    &["thuc", "hien"],
    &["trien", "khai"],
    &["xay", "dung"],
    &["tham", "muu"],
    &["tuan", "tra"],
    &["kiem", "soat"],
    &["kich", "hoat"],
    &["bao", "ve"],
    &["hoan", "thien"],
    &["hoan", "thanh"],
    &["hoan", "chinh"],
    &["hoan", "tat"],
    &["chuan", "bi"],
    &["ra", "soat"],
    &["tang", "cuong"],
    &["day", "manh"],
    &["thuc", "day"],
    &["to", "chuc"],
    &["kiem", "tra"],
    &["theo", "doi"],
    &["don", "doc"],
    &["huong", "dan"],
    &["phoi", "hop"],
    &["nghien", "cuu"],
    &["de", "xuat"],
    &["bao", "cao"],
    &["bo", "tri"],
    &["tap", "trung"],
    &["quan", "tam"],
    &["nang", "cao"],
    &["dam", "bao"],
    &["bao", "dam"],
    &["cap", "nhat"],
    &["tuyen", "truyen"],
    &["phu", "trach"],
    &["giai", "ngan"],
    &["ban", "hanh"],
    &["trinh"],
    &["tiep", "tuc"],
    &["tich", "cuc"],
    &["chu", "dong"],
    &["khan", "truong"],
    &["khac", "phuc"],
    &["duy", "tri"],
    &["cung", "cap"],
    &["soan", "thao"],
    &["sua", "doi"],
    &["bo", "sung"],
    &["giai", "quyet"],
    &["xu", "ly"],
    &["tham", "dinh"],
    &["chu", "tri"],
    &["rut", "kinh", "nghiem"],
    &["tap", "huan"],
    &["van", "dong"],
    &["dieu", "chinh"],
    &["tong", "hop"],
    &["kien", "toan"],
    &["sap", "xep"],
    &["nghiem", "tuc"],
    &["lam", "ro"],
    &["tiep", "thu"],
    &["thuc", "thi"],
    &["giam", "sat"],
    &["phat", "huy"],
    &["ung", "dung"],
    &["nhan", "rong"],
    &["thanh", "lap"],
    &["chuan", "hoa"],
    &["quan", "ly"],
    &["dang", "ky"],
    &["khao", "sat"],
    &["thu", "thap"],
    &["lua", "chon"],
    &["ky", "ket"],
    &["mua", "sam"],
    &["nghiem", "thu"],
    &["uu", "tien"],
    &["huy", "dong"],
    &["xac", "dinh"],
    &["danh", "gia"],
    &["tham", "gia"],
    &["doi", "moi"],
    &["cai", "thien"],
    &["bam", "sat"],
    &["tuan", "thu"],
    &["chap", "hanh"],
    &["chinh", "sua"],
    &["dang", "tai"],
    &["nang", "cap"],
    &["van", "hanh"],
    &["cai", "dat"],
    &["bao", "tri"],
    &["phat", "trien"],
    &["ho", "tro"],
    &["day", "nhanh"],
    &["thong", "ke"],
    &["cap", "phep"],
    &["thu", "hoi"],
    &["xu", "phat"],
    &["so", "hoa"],
    &["chuyen", "doi"],
    &["ket", "noi"],
    &["tich", "hop"],
    &["dao", "tao"],
    &["boi", "duong"],
    &["phan", "bo"],
    &["lap"],
    &["gui"],
    &["can"],
    &["phai"],
    &["co", "giai", "phap"],
    &["quyet", "liet"],
    &["cu", "can", "bo"],
    &["nhac", "nho"],
    &["nop"],
    &["giai", "thich"],
    &["neu", "ro"],
    &["tra", "loi"],
    &["du", "bao"],
    &["kiem", "diem"],
    &["khong", "de"],
    &["chan", "chinh"],
    &["lam", "tot"],
    &["tiep", "nhan"],
    &["ban", "giao"],
    &["phe", "duyet"],
    &["dieu", "tra"],
    &["xac", "minh"],
    &["kiem", "ke"],
    &["hoan", "tra"],
    &["trang", "bi"],
    &["sua", "chua"],
    &["pho", "bien"],
    &["quan", "triet"],
    &["nam", "bat"],
    &["ung", "pho"],
    &["phong", "chong"],
    &["chu", "trong"],
    &["coi", "trong"],
    &["giu", "vung"],
    &["cham", "lo"],
    &["tao", "dieu", "kien"],
    &["tang", "thu"],
];

/// Verbs that hand a task to the unit named after them: "giao cho Phòng X", "đề nghị các đơn vị".
pub const ASSIGNS: &[&[&str]] = &[
    &["giao", "nhiem", "vu", "cho"],
    &["giao", "trach", "nhiem", "cho"],
    &["giao", "trach", "nhiem"],
    &["giao", "cho"],
    &["giao"],
    &["de", "nghi"],
    &["yeu", "cau"],
    &["chi", "dao"],
    &["phan", "cong"],
    &["nhan", "manh"],
    &["luu", "y"],
];

/// Words that open a condition or ground said before the task, up to a comma: "Sau khi có
/// kết quả thẩm định, yêu cầu Trung tâm … trình …", "Trên cơ sở báo cáo của Phòng X, giao
/// UBND phường …". The task after the comma is the same sentence's, not a new one.
pub const CIRCUMSTANCES: &[&[&str]] = &[
    &["sau", "khi"],
    &["truoc", "khi"],
    &["tren", "co", "so"],
    &["can", "cu"],
];

/// Nouns of a document after which "đề nghị" is what the document asks, not a task the
/// chair gives: "lập tờ trình đề nghị UBND huyện phê duyệt", "có văn bản đề nghị Sở".
pub const DOCUMENTS: &[&str] = &["ban", "trinh", "van", "cao", "thu"];

/// Words that open a list's items inside a sentence: "…, trong đó cần …".
pub const WHEREIN: &[&[&str]] = &[&["trong", "do"]];

/// Words that make a clause ending in a colon a head of tasks: "các nhiệm vụ sau:".
pub const TASK_NOUNS: &[&[&str]] = &[&["nhiem", "vu"], &["cong", "viec"]];

/// What "bảo đảm" / "đảm bảo" governs when it says how a task is to be done, not a task of
/// its own: "…, bảo đảm chất lượng và đúng tiến độ", "…, đảm bảo đúng quy định".
pub const MANNER: &[&[&str]] = &[
    &["chat", "luong"],
    &["tien", "do"],
    &["dung"],
    &["hieu", "qua"],
    &["thoi", "gian"],
    &["yeu", "cau"],
    &["kip", "thoi"],
    &["chat", "che"],
];

/// What falls short, heading a list of it: "còn một số tồn tại, hạn chế như: …".
pub const SHORTCOMINGS: &[&[&str]] = &[
    &["ton", "tai"],
    &["han", "che"],
    &["kho", "khan"],
    &["vuong", "mac"],
    &["bat", "cap"],
    &["yeu", "kem"],
];

/// Titles of a person a task may be given to: "giao Phó Giám đốc Nguyễn Văn A chủ trì".
pub const TITLES: &[&[&str]] = &[
    &["pho", "giam", "doc"],
    &["giam", "doc"],
    &["pho", "chu", "tich"],
    &["chu", "tich"],
    &["pho", "truong", "phong"],
    &["truong", "phong"],
    &["chanh", "van", "phong"],
    &["cac", "dong", "chi"],
    &["dong", "chi"],
];

/// Things a verb that gives work may name after "các" ("lưu ý các nhiệm vụ còn tồn đọng"):
/// what is to be seen to, not whom it is given to.
pub const THINGS: &[&[&str]] = &[
    &["nhiem", "vu"],
    &["cong", "viec"],
    &["noi", "dung"],
    &["van", "de"],
    &["du", "an"],
    &["cong", "trinh"],
    &["chuong", "trinh"],
    &["ke", "hoach"],
    &["van", "ban"],
    &["ho", "so"],
    &["chi", "tieu"],
    &["giai", "phap"],
    &["kho", "khan"],
    &["vuong", "mac"],
    &["ton", "tai"],
    &["han", "che"],
    &["kien", "nghi"],
    &["y", "kien"],
];

/// Words after which a unit is the one in charge: "Phòng X chủ trì".
pub const LEADS: &[&[&str]] = &[&["chu", "tri"]];

/// Words that open the coordinating units: "phối hợp với Phòng Y".
pub const COORDINATES: &[&[&str]] = &[
    &["phoi", "hop", "chat", "che", "voi"],
    &["phoi", "hop", "voi"],
    &["phoi", "hop"],
    &["cung", "voi"],
];

/// What a unit may be called by before its name in a subject: "tập thể lãnh đạo Sở …".
pub const HOLDERS: &[&[&str]] = &[
    &["tap", "the", "lanh", "dao"],
    &["lanh", "dao"],
    &["ban", "giam", "doc"],
    &["cac", "dong", "chi"],
    &["thu", "truong"],
    &["nguoi", "dung", "dau"],
    &["chanh"],
    &["truong"],
    &["cho"],
];

/// Words that open the conclusion part of a meeting text.
pub const CONCLUDES: &[&[&str]] = &[
    &["ket", "luan"],
    &["y", "kien", "chi", "dao"],
    &["giao", "nhiem", "vu"],
];

/// Words before "kết luận" that make it a task's object ("ban hành kết luận thanh tra",
/// "các kết luận", "hoàn thành kết luận", "theo kết luận của Đoàn", "gửi / phổ biến / quán
/// triệt / đăng tải (thông báo) kết luận"), not the chair concluding.
pub const OBJECT_OF: &[&str] = &[
    "hanh", "cac", "nhung", "thanh", "hien", "doi", "dung", "theo", "gui", "bien", "triet", "tai",
];

/// Verbs that open a task of their own after a comma: "…, đẩy mạnh …", "…, tăng cường …".
pub const OPENS_A_TASK: &[&[&str]] = &[
    &["day", "manh"],
    &["tang", "cuong"],
    &["tap", "trung"],
    &["chu", "dong"],
    &["khan", "truong"],
    &["nang", "cao"],
    &["tham", "muu"],
    &["thuong", "xuyen"],
    &["uu", "tien"],
    &["bo", "sung"],
    &["nhan", "rong"],
];

/// Words before a colon that open a list of tasks: "cụ thể:", "như sau:".
pub const INTRODUCES: &[&[&str]] = &[
    &["cu", "the"],
    &["nhu", "sau"],
    &["do", "la"],
    &["sau", "day"],
    &["bao", "gom"],
    &["gom"],
    &["sau"],
];

/// Kinds of document, named before their number: "Nghị quyết số 02-NQ/ĐU".
pub const DOCUMENT_NAMES: &[&[&str]] = &[
    &["nghi", "quyet"],
    &["ket", "luan"],
    &["quyet", "dinh"],
    &["chi", "thi"],
    &["ke", "hoach"],
    &["cong", "van"],
    &["thong", "bao"],
    &["van", "ban"],
];

/// Words no sentence ends with (written with their diacritics, lower case): a line that ends
/// with one was wrapped ("… của⏎Tỉnh ủy", "… trong tháng⏎8/2025").
pub const MID_SENTENCE: &[&str] = &[
    "của", "và", "với", "cho", "tại", "trong", "quý", "tháng", "các", "những", "để", "trước",
    "theo", "về", "từ", "đến", "hoặc", "nhằm",
];

/// Words that stress the time said after them: "nhất là 6 tháng cuối năm", "đặc biệt là
/// trong tháng 12".
pub const STRESSES: &[&[&str]] = &[
    &["nhat", "la", "trong"],
    &["nhat", "la"],
    &["dac", "biet", "la", "trong"],
    &["dac", "biet", "la"],
];

/// Words that open a clause without belonging to the task: "Đồng thời, …".
pub const CONNECTORS: &[&[&str]] = &[
    &["trong", "thoi", "gian", "toi"],
    &["thoi", "gian", "toi"],
    &["trong", "thang", "toi"],
    &["ben", "canh", "do"],
    &["cung", "voi", "do"],
    &["dong", "thoi"],
    &["ngoai", "ra"],
    &["mat", "khac"],
    &["theo", "do"],
    &["truoc", "mat"],
    &["vi", "vay"],
    &["do", "do"],
    &["sap", "toi"],
    &["tiep", "theo"],
    &["trong", "do"],
    &["va"],
];

/// Words that open a sentence telling what a report said or what is planned: "Theo báo
/// cáo, …", "Qua báo cáo …", "Theo đánh giá của …", "Dự kiến …".
pub const REPORT_OPENERS: &[&[&str]] = &[
    &["theo", "bao", "cao"],
    &["qua", "bao", "cao"],
    &["theo", "danh", "gia"],
    &["du", "kien"],
];

/// Words that state a result reached, in a report: "ước đạt 107,9 tỷ đồng", "tăng 6,8% so
/// với cùng kỳ", "an ninh trật tự được giữ vững", "có nhiều chuyển biến tích cực".
pub const RESULTS: &[&[&str]] = &[
    &["uoc", "dat"],
    &["uoc", "thuc", "hien"],
    &["so", "voi", "cung", "ky"],
    &["duoc", "giu", "vung"],
    &["duy", "tri", "on", "dinh"],
    &["co", "nhieu", "chuyen", "bien"],
];

/// What "chưa" says is not yet so, in a shortcoming: "chưa cao", "chưa hiệu quả", "chưa đáp
/// ứng", "vẫn chưa hoàn thành".
pub const FALLS_SHORT: &[&str] = &[
    "cao", "hieu", "dap", "hoan", "dat", "kip", "dong", "quyet", "chat", "day", "tot", "sat",
];

/// Words before a figure that make it a target, not a result: "phấn đấu thu ngân sách đạt
/// 100% dự toán", "bảo đảm đạt 60% kế hoạch vốn".
pub const TARGETS: &[&[&str]] = &[
    &["phan", "dau"],
    &["chi", "tieu"],
    &["muc", "tieu"],
    &["bao", "dam"],
    &["dam", "bao"],
];

/// Openings of an assessment rather than a task: "ghi nhận…", "Tuy nhiên…".
pub const ASSESSES: &[&[&str]] = &[
    &["ghi", "nhan"],
    &["danh", "gia", "cao"],
    &["danh", "gia", "chung"],
    &["bieu", "duong"],
    &["hoan", "nghenh"],
    &["tran", "trong"],
    &["tuy", "nhien"],
    &["nguyen", "nhan"],
    &["nhin", "chung"],
    &["nhat", "tri"],
    &["co", "ban"],
    &["khen", "ngoi"],
    &["van", "con"],
    &["con", "ton", "tai"],
    &["han", "che"],
];

/// Words that mark what was done rather than what is to be done.
pub const REPORTED: &[&str] = &["đã", "đang", "vừa"];

/// Words that ask for what follows, so that "được" after them is no result told: "cần được
/// đẩy nhanh", "phải được", "sẽ được", "để được", "nhằm", "đề nghị", "yêu cầu", "phấn đấu".
pub const ASKING: &[&str] = &[
    "cần", "phải", "sẽ", "để", "nhằm", "nghị", "cầu", "phấn", "bảo",
];

/// Ways of saying "all units" or a group of units that is not one record.
pub const GROUPS: &[&[&str]] = &[
    &["tat", "ca", "cac", "don", "vi"],
    &["cac", "phong", "don", "vi", "truc", "thuoc", "so"],
    &["cac", "phong", "don", "vi", "thuoc", "so"],
    &["cac", "phong", "don", "vi"],
    &[
        "cac", "phong", "chuyen", "mon", "va", "don", "vi", "truc", "thuoc",
    ],
    &["cac", "phong", "chuyen", "mon"],
    &["cac", "phong", "ban"],
    &["cac", "phong", "khac"],
    &["cac", "phong"],
    &["cac", "don", "vi", "truc", "thuoc", "so"],
    &["cac", "don", "vi", "truc", "thuoc"],
    &["cac", "don", "vi", "chuyen", "mon"],
    &["cac", "don", "vi", "su", "nghiep"],
    &["cac", "don", "vi", "lien", "quan"],
    &["cac", "don", "vi", "dia", "phuong"],
    &["cac", "don", "vi"],
    &["cac", "co", "quan", "don", "vi", "dia", "phuong"],
    &["cac", "co", "quan", "don", "vi", "lien", "quan"],
    &["cac", "co", "quan", "don", "vi"],
    &["cac", "so", "ban", "nganh"],
    &["cac", "so", "nganh"],
    &["cac", "nganh", "dia", "phuong"],
    &["cac", "nganh", "chuyen", "mon"],
    &["cac", "nganh"],
    &["cac", "dia", "phuong"],
    &["ubnd", "cac", "huyen", "thanh", "pho"],
    &["uy", "ban", "nhan", "dan", "cac", "huyen", "thanh", "pho"],
    &["cac", "huyen", "thanh", "pho"],
    &["ubnd", "cac", "xa", "phuong", "thi", "tran"],
    &["ubnd", "cac", "xa", "thi", "tran"],
    &["ubnd", "cac", "xa", "phuong"],
    &["ubnd", "cac", "xa"],
    &["uy", "ban", "nhan", "dan", "cac", "xa", "thi", "tran"],
    &["uy", "ban", "nhan", "dan", "cac", "xa"],
    &["cac", "xa", "phuong", "thi", "tran"],
    &["cac", "xa", "thi", "tran"],
    &["cac", "xa"],
    &["cac", "thon", "ban"],
    &["cac", "thon", "xom"],
    &["cac", "thon", "to", "dan", "pho"],
    &["cac", "thon"],
    &["cac", "to", "dan", "pho"],
    &["cac", "khu", "pho"],
    &["cac", "truong", "hoc"],
    &["cac", "truong"],
    &["cac", "hoi", "doan", "the"],
    &["cac", "doan", "the"],
];

/// Vietnamese family names, folded: a capitalised run of words starting with one is a name.
pub const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "lam", "luong", "mai",
    "ha", "ta", "cao", "dinh", "luu", "chu", "to", "thai", "kieu", "quach", "giang", "lo", "lu",
    "sung", "vang", "tong", "nong", "la", "trieu", "dam", "mac", "khong", "phung", "tang", "than",
    "hua", "tu", "quan", "kim", "lai", "lang", "nghiem", "ong", "vi", "khuat", "au",
];

/// Words before a name that say a person is meant: "đồng chí Nguyễn Văn A".
pub const ADDRESSES: &[&str] = &["chi", "ong", "ba"];

/// Words of a sentence that say who chaired.
pub const CHAIRS: &[&[&str]] = &[
    &["ket", "luan"],
    &["chu", "tri"],
    &["chu", "toa"],
    &["chi", "dao"],
];

/// Times of day before "ngày …" in the sentence that dates the meeting.
pub const TIMES_OF_DAY: &[&str] = &["sang", "chieu", "toi", "trua", "vao", "nay"];

/// Words that open the name of a unit outside the directory: "Sở Tài chính", "UBND huyện X".
pub const KINDS: &[&[&str]] = &[
    &["uy", "ban", "nhan", "dan"],
    &["trung", "tam"],
    &["van", "phong"],
    &["chi", "cuc"],
    &["cong", "an"],
    &["buu", "dien"],
    &["tinh", "doan"],
    &["benh", "vien"],
    &["kho", "bac"],
    &["cong", "ty"],
    &["ubnd"],
    &["so"],
    &["phong"],
    &["ban"],
    &["cuc"],
    &["bo"],
    &["dai"],
    &["bao"],
    &["hoi"],
];

/// Administrative levels written in lower case after a kind: "UBND tỉnh", "Công an huyện".
pub const LEVELS: &[&str] = &["tinh", "huyen", "thanh", "pho", "thi", "xa", "quan"];

/// Words after which a capitalised name is a place, not a person: "xã Quân Hà", "thôn Lê
/// Xá", "chính quyền Quân Hà", "phường Bồ Đề".
pub const PLACE_KINDS: &[&str] = &[
    "tinh", "huyen", "xa", "phuong", "tran", "thon", "ap", "ban", "xom", "quyen", "pho",
];

/// Small words that end a unit's name: "Sở Tài chính [có] trách nhiệm …".
pub const NAME_ENDS: &[&str] = &[
    "co", "la", "se", "cua", "voi", "cho", "de", "trong", "tai", "ve", "theo", "nham", "va", "cac",
    "nhung", "da", "dang", "duoc", "bi", "khi", "neu", "thi", "o", "den", "sau", "truoc", "nay",
    "do", "som", "kip", "tot",
];

/// The closing formula of a notice, "… để các đơn vị biết, thực hiện./.": this word, then
/// one of [`CLOSING_ACTIONS`] within a few words.
pub const CLOSING: &str = "biet";

/// What the units are told to do in the closing formula.
pub const CLOSING_ACTIONS: &[&[&str]] = &[&["thuc", "hien"], &["trien", "khai"], &["phoi", "hop"]];

/// Where the body of a document ends and its list of recipients begins.
pub const RECIPIENTS: &[&str] = &["noi", "nhan"];

/// Frequent syllables of Vietnamese official prose that are not English words: text written
/// without diacritics is read as Vietnamese only when enough of its words are among them.
pub const COMMON: &[&str] = &[
    "cac", "va", "cua", "trong", "cho", "nghi", "don", "vi", "thuc", "hien", "phong", "nhiem",
    "vu", "tinh", "cong", "tac", "nam", "thang", "ngay", "voi", "khai", "trien", "chuc", "hoach",
    "dung", "xay", "muu", "tham", "bao", "cao", "dong", "chi", "giao", "luan", "ket", "hop",
    "truoc", "tiep", "tuc", "nhung", "duoc", "mot",
];

/// Openings of a clause after `;` that finish the task before it rather than start one:
/// "…; báo cáo kết quả về Văn phòng Sở trước ngày 30/6".
pub const FOLLOW_UPS: &[&[&str]] = &[&["bao", "cao", "ket", "qua"]];

/// The words of a closing exhortation that names no task: "triển khai thực hiện nghiêm
/// túc", "tổ chức thực hiện có hiệu quả".
pub const GENERIC: &[&str] = &[
    "trien", "khai", "thuc", "hien", "to", "chuc", "nghiem", "tuc", "co", "hieu", "qua", "tot",
    "kip", "thoi", "day", "du", "cac", "noi", "dung", "tren", "nhiem", "vu", "theo", "dung", "quy",
    "dinh", "va", "khan", "truong",
];

/// Words that open a clause saying only when the task before it is due: "thời gian hoàn
/// thành trước 30/6", "thời hạn: quý III", "hoàn thành trong tháng 7".
pub const DEADLINE_LEADS: &[&[&str]] = &[
    &["thoi", "gian"],
    &["thoi", "han"],
    &["han", "chot"],
    &["hoan", "thanh", "truoc"],
    &["hoan", "thanh", "trong"],
    &["hoan", "thanh", "vao"],
    &["xong", "truoc"],
];

/// The meeting, or those at it, as the subject of a sentence: "Hội nghị cũng thảo luận …".
pub const THE_MEETING: &[&[&str]] = &[
    &["hoi", "nghi"],
    &["phien", "hop"],
    &["cuoc", "hop"],
    &["ky", "hop"],
    &["buoi", "lam", "viec"],
    &["cac", "dai", "bieu"],
    &["dai", "bieu"],
];

/// Words between the meeting and what it did or was held for: "Hội nghị cũng đã …", "Hội
/// nghị được tổ chức nhằm …", "Hội nghị diễn ra nhằm …".
pub const MEETING_HELD: &[&[&str]] = &[
    &["cung"],
    &["da"],
    &["duoc"],
    &["to", "chuc"],
    &["dien", "ra"],
];

/// Words that say a meeting heard or passed something: "Hội nghị nghe …", "Phiên họp thông
/// qua …".
pub const HEARS: &[&[&str]] = &[&["nghe"], &["thong", "qua"], &["xem", "xet"]];

/// Words that say a meeting discussed something: a list after them is what was discussed
/// ("thảo luận, cho ý kiến vào các nội dung: Dự thảo …; Đề cương …"), not tasks.
pub const DISCUSSES: &[&[&str]] = &[&["thao", "luan"], &["cho", "y", "kien"], &["gop", "y"]];

/// Words that refuse rather than give a task: "Không giao …", "không đồng ý đề xuất …".
pub const REFUSES: &[&[&str]] = &[
    &["khong", "giao"],
    &["khong", "dong", "y"],
    &["khong", "chap", "thuan"],
    &["khong", "thong", "nhat"],
];

/// Nouns that end in a verb of [`ACTIONS`]: "công trình" is a work, not "trình" (submit).
const NOUNS_ENDING_IN_A_VERB: &[[&str; 2]] = &[
    ["cong", "trinh"],
    ["quy", "trinh"],
    ["chuong", "trinh"],
    ["to", "trinh"],
    ["lo", "trinh"],
    ["tien", "trinh"],
    ["hanh", "trinh"],
];

/// Whether a verb of [`ACTIONS`] starts at token `i` (not the end of a noun such as "công
/// trình").
pub fn action_at(t: &[Token], i: usize) -> bool {
    let noun = i >= 1
        && NOUNS_ENDING_IN_A_VERB
            .iter()
            .any(|[a, b]| t[i - 1].is(a) && t[i].is(b));
    !noun && ACTIONS.iter().any(|s| starts_with(t, i, s))
}

#!/bin/sh
# SPDX-License-Identifier: MIT
# National-scale test data: the Đồng Tháp plan with 3,300 communes, wards and
# special zones (about as many as Viet Nam has since the 2025 reorganisation), and
# their progress for two half-years in Vietnamese of 50-300 characters (some
# on several lines, some with quotes and commas). The same seed gives the same
# files.
# Usage: tests/bench/gen.sh OUTDIR [UNITS [SEED]]
#   OUTDIR/plan.csv       a plan file (docs/plan-format.md), loads with `tiendo init`
#   OUTDIR/progress.csv   unit,task,period,status,percent,count,result,difficulties,entered_at
#                         (RFC 4180, header line), one row per entry;
#                         not made when GEN_PROGRESS=no
set -eu
out=$1 units=${2:-3300} seed=${3:-57}
here=$(cd "$(dirname "$0")" && pwd)
plan=$here/../../data/plans/dong-thap-118-2025.csv
mkdir -p "$out"

# The units: "Xã", "Phường" or "Đặc khu" and a two-syllable name; codes carry
# the name without diacritics and a number (names repeat, as they do across
# provinces). Kinds in the national proportions: 2,621 communes, 687 wards,
# 13 special zones of 3,321.
awk -v n="$units" -v seed="$seed" '
BEGIN {
	split("Tân:TAN Phú:PHU Mỹ:MY An:AN Bình:BINH Long:LONG Hòa:HOA Thạnh:THANH Phước:PHUOC Hưng:HUNG " \
	      "Thới:THOI Hiệp:HIEP Lợi:LOI Định:DINH Đông:DONG Tây:TAY Vĩnh:VINH Thuận:THUAN Lộc:LOC Khánh:KHANH " \
	      "Hậu:HAU Quới:QUOI Điền:DIEN Sơn:SON Thủy:THUY Giang:GIANG Châu:CHAU Hội:HOI Xuân:XUAN Thành:THANH " \
	      "Nghĩa:NGHIA Đức:DUC Phong:PHONG Tiến:TIEN Cường:CUONG Quang:QUANG Hương:HUONG Lạc:LAC Yên:YEN Ninh:NINH " \
	      "Hải:HAI Kim:KIM Ngọc:NGOC Thái:THAI Hồng:HONG Thắng:THANG Lâm:LAM Trường:TRUONG Xương:XUONG Hiếu:HIEU " \
	      "Nhơn:NHON Hạnh:HANH Mới:MOI Cát:CAT Sa:SA Gia:GIA Trung:TRUNG Minh:MINH Quý:QUY Tường:TUONG", syl, " ")
	ns = 0
	for (i in syl) ns++
	srand(seed)
	for (i = 1; i <= n; i++) {
		a = int(rand() * ns) + 1
		do b = int(rand() * ns) + 1; while (b == a)
		split(syl[a], x, ":"); split(syl[b], y, ":")
		r = i * 3321 / n
		if (r <= 13) { kind = "special-zone"; pre = "Đặc khu"; cp = "DT-DK-" }
		else if (r <= 13 + 687) { kind = "ward"; pre = "Phường"; cp = "DT-P-" }
		else { kind = "commune"; pre = "Xã"; cp = "DT-X-" }
		printf "unit,%s%s%s-%04d,%s,DT-UBND,,%s %s %s\n", cp, x[2], y[2], i, kind, pre, x[1], y[1]
	}
}' >"$out/units.csv"

# The plan: the shipped file with the units inserted after its own.
awk -v units="$out/units.csv" '
/^unit,/ { inunits = 1; print; next }
inunits && !done { while ((getline l < units) > 0) print l; done = 1 }
{ print }' "$plan" >"$out/plan.csv.tmp"
mv "$out/plan.csv.tmp" "$out/plan.csv"

if [ "${GEN_PROGRESS:-yes}" = no ]; then
	rm -f "$out/units.csv"
	echo "gen: $out/plan.csv ($units units)"
	exit 0
fi

# The tasks communes carry: those whose lead names the groups of local
# authorities (DT-SBNDP "sở, ban, ngành, địa phương" or DT-XA).
grep '^task,' "$plan" | awk -F, '$5 ~ /DT-SBNDP|DT-XA/ { print $2 }' >"$out/tasks.txt"

# The progress entries, about nine in ten (unit, task, period) present.
awk -v seed="$seed" -v tasks="$out/tasks.txt" '
function num(s) {
	while (match(s, /%d/)) s = substr(s, 1, RSTART - 1) int(rand() * 40 + 2) substr(s, RSTART + 2)
	return s
}
function chars(s,   t, k) { t = s; k = gsub(/[\200-\277]/, "", t); return length(s) - k }
function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
# text(pool, n): one to three sentences of the pool, 50 to 300 characters,
# sometimes as a list of lines.
function text(pool, n,   s, k, i, j, prev, lines) {
	lines = rand() < 0.25
	k = int(rand() * 3) + 1
	prev = int(rand() * n) + 1
	s = num(pool[prev])
	for (i = 2; i <= k || chars(s) < 50; i++) {
		do j = int(rand() * n) + 1; while (j == prev)
		s = s (lines ? "\n- " : ". ") num(pool[j])
		prev = j
	}
	if (lines) s = "- " s
	# Too long: drop the last sentence (or, for one long sentence, the last word).
	while (chars(s) > 299)
		if (!sub(/(\n- |\. )[^\n.]*$/, "", s)) sub(/ [^ ]*$/, "", s)
	return s "."
}
BEGIN {
	srand(seed + 1)
	nt = 0
	while ((getline l < tasks) > 0) task[++nt] = l
	nr = split("Đã đăng tải %d tin, bài về Nghị quyết 57-NQ/TW trên trang thông tin điện tử của xã|" \
		"Tổ chức %d buổi tuyên truyền lưu động, phát %d tờ rơi về chuyển đổi số cho người dân|" \
		"Phối hợp Trung tâm Văn hóa - Thể thao tổ chức hội thi \"Tìm hiểu khoa học, công nghệ\" thu hút %d lượt người tham gia|" \
		"Duy trì chuyên mục \"Chuyển đổi số\" trên hệ thống loa truyền thanh cơ sở, phát %d lượt mỗi tuần|" \
		"Thành lập %d Tổ công nghệ số cộng đồng tại các ấp, khu phố|" \
		"Hướng dẫn %d hộ kinh doanh mở tài khoản thanh toán không dùng tiền mặt|" \
		"Tập huấn kỹ năng số cho %d cán bộ, công chức xã và người hoạt động không chuyên trách|" \
		"Ban hành Kế hoạch số %d/KH-UBND triển khai nhiệm vụ được giao|" \
		"Cập nhật %d video, infographic lên Zalo OA và Fanpage của Ủy ban nhân dân|" \
		"Lồng ghép nội dung Nghị quyết 57-NQ/TW vào %d cuộc họp dân tại các ấp|" \
		"Vận động %d người dân tham gia phong trào \"Bình dân học vụ số\"|" \
		"Phối hợp Bưu điện văn hóa xã hỗ trợ %d người dân cài đặt ứng dụng VNeID, dịch vụ công trực tuyến|" \
		"Giới thiệu %d mô hình sản xuất ứng dụng công nghệ cao trên sóng Đài truyền thanh|" \
		"Tổ chức tọa đàm \"Thanh niên với đổi mới sáng tạo\" với %d đoàn viên tham dự", res, "|")
	nd = split("Kinh phí thực hiện chưa được bố trí, còn lồng ghép từ nguồn chi thường xuyên|" \
		"Cán bộ phụ trách kiêm nhiệm nhiều việc, chưa qua đào tạo chuyên sâu về truyền thông số|" \
		"Hạ tầng mạng tại một số ấp vùng sâu chưa ổn định, tốc độ chậm vào giờ cao điểm|" \
		"Một bộ phận người dân lớn tuổi còn e ngại sử dụng điện thoại thông minh|" \
		"Thiết bị của hệ thống loa truyền thanh đã xuống cấp, %d cụm loa hư hỏng chưa được thay thế|" \
		"Chưa có hướng dẫn cụ thể về định mức chi cho hoạt động truyền thông số", dif, "|")
	nw = split("Chưa triển khai, đang chờ hướng dẫn của Sở Khoa học và Công nghệ|" \
		"Đã giao Văn phòng HĐND và UBND xã xây dựng kế hoạch, dự kiến thực hiện trong quý tới|" \
		"Chưa bố trí được nhân sự phụ trách; sẽ thực hiện sau khi kiện toàn bộ máy", wait, "|")
	split("2025S2:2025-12 2026S1:2026-06", per, " ")
}
{
	u = $0
	for (p = 1; p <= 2; p++) {
		split(per[p], pp, ":")
		for (t = 1; t <= nt; t++) {
			if (rand() >= 0.9) continue
			r = rand()
			if (r < 0.6) { st = "in-progress"; pc = int(rand() * 9 + 1) * 10 }
			else if (r < 0.85) { st = "done"; pc = 100 }
			else if (r < 0.95) { st = "not-started"; pc = 0 }
			else { st = "blocked"; pc = int(rand() * 5) * 10 }
			cnt = rand() < 0.5 && st != "not-started" ? int(rand() * 30) + 1 : ""
			d = rand() < 0.4 || st == "blocked" ? text(dif, nd) : ""
			x = st == "not-started" ? text(wait, nw) : text(res, nr)
			printf "%s,%s,%s,%s,%d,%s,%s,%s,%s-%02dT%02d:%02d:00Z\n", u, task[t], pp[1], st, pc, cnt,
				q(x), q(d), pp[2], int(rand() * 10) + 10, int(rand() * 9) + 8, int(rand() * 60)
		}
	}
}' <<EOF >"$out/progress.body"
$(cut -d, -f2 "$out/units.csv")
EOF
{
	echo "unit,task,period,status,percent,count,result,difficulties,entered_at"
	cat "$out/progress.body"
} >"$out/progress.csv"
rm -f "$out/progress.body" "$out/units.csv"
echo "gen: $out/plan.csv ($units units), $out/progress.csv ($(grep -c '^DT-' "$out/progress.csv") entries)"

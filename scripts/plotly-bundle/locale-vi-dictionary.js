'use strict';

// Vietnamese texts of the chart toolbar and its messages. plotly.js's own `vi` locale (registered
// first) brings only date and number formats; registering a dictionary under the same name keeps them.
module.exports = {
    moduleType: 'locale',
    name: 'vi',
    dictionary: {
        'Autoscale': 'Tự co giãn',
        'Box Select': 'Chọn vùng chữ nhật',
        'Compare data on hover': 'So sánh số liệu khi di chuột',
        'Double-click on legend to isolate one trace': 'Nhấp đúp vào chú giải để chỉ xem một chuỗi',
        'Double-click to zoom back out': 'Nhấp đúp để thu nhỏ lại',
        'Download plot': 'Tải biểu đồ',
        'Download plot as a PNG': 'Tải biểu đồ dạng PNG',
        'Download plot as a SVG': 'Tải biểu đồ dạng SVG',
        'Lasso Select': 'Chọn tự do',
        'Orbital rotation': 'Xoay quanh quỹ đạo',
        'Pan': 'Kéo',
        'Produced with Plotly.js': 'Tạo bằng Plotly.js',
        'Reset': 'Đặt lại',
        'Reset axes': 'Đặt lại trục',
        'Reset camera to default': 'Đặt lại góc nhìn mặc định',
        'Reset camera to last save': 'Đặt lại góc nhìn đã lưu',
        'Reset view': 'Đặt lại khung nhìn',
        'Reset views': 'Đặt lại các khung nhìn',
        'Show closest data on hover': 'Hiện số liệu gần nhất khi di chuột',
        'Snapshot succeeded': 'Đã chụp xong',
        'Sorry, there was a problem downloading your snapshot!': 'Rất tiếc, không tải được ảnh chụp!',
        'Taking snapshot - this may take a few seconds': 'Đang chụp ảnh – có thể mất vài giây',
        'Toggle Spike Lines': 'Bật/tắt đường gióng',
        'Toggle show closest data on hover': 'Bật/tắt hiện số liệu gần nhất khi di chuột',
        'Turntable rotation': 'Xoay bàn xoay',
        'Zoom': 'Phóng to vùng',
        'Zoom in': 'Phóng to',
        'Zoom out': 'Thu nhỏ',
        'close:': 'đóng:',
        'high:': 'cao:',
        'low:': 'thấp:',
        'max:': 'lớn nhất:',
        'mean:': 'trung bình:',
        'median:': 'trung vị:',
        'min:': 'nhỏ nhất:',
        'new text': 'văn bản mới',
        'open:': 'mở:',
        'trace': 'chuỗi'
    }
};

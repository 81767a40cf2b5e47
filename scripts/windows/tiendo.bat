@echo off
rem tiendo: mo giao dien trong mot cua so console 100x30, chu UTF-8.
rem (tiendo.exe tu chon phong chu Consolas neu cua so dang dung phong raster.)
rem Opens the interface in a 100x30 console window with UTF-8 output;
rem tiendo.exe itself switches a raster-font window to Consolas.
setlocal
chcp 65001 >nul
mode con: cols=100 lines=30 >nul 2>&1
title tiendo
"%~dp0tiendo.exe" %*
if errorlevel 1 pause
endlocal

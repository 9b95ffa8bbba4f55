-- preview_info.audio_file_download_url (reference L4465): each TEXT scene of a script gets a TTS preview job.
-- tts_job.purpose: NULL for a tenant's audition (counted against its limit of ongoing previews), SCRIPT_PREVIEW for
-- the jobs a script submits for its scenes. video_script.previews: per scene, the hash of what was spoken and the job.
ALTER TABLE tts_job ADD COLUMN purpose VARCHAR(16);
ALTER TABLE video_script ADD COLUMN previews TEXT;

-- is_need_generate_cover (reference L801: video assets only, default false). NULL on older rows reads as false;
-- their covers, if any, were made at upload time and stay.
ALTER TABLE asset ADD COLUMN generate_cover BOOLEAN;
